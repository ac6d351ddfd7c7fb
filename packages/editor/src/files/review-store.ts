/**
 * A version under review: the draft compared with a published version (its changes marked on the
 * canvas and listed), or a published version shown on the canvas, read-only. Only for the flow it
 * was opened on: opening another flow ends it.
 */
import type { Flow } from '@callflow/model';
import { create } from 'zustand';

export interface Review {
  flowId: string;
  /** The published version compared with, or shown. */
  version: number;
  /** The version's flow as published. */
  flow: Flow;
  /** `compare`: the draft on the canvas, changes since the version marked; `view`: the version itself, read-only. */
  mode: 'compare' | 'view';
}

interface ReviewState {
  review: Review | null;
  start(review: Review): void;
  close(): void;
}

export const useReviewStore = create<ReviewState>()((set) => ({
  review: null,
  start: (review) => set({ review }),
  close: () => set({ review: null }),
}));

/** The review of the open flow, if any (a review of another flow is over). */
export function activeReview(review: Review | null, openFlowId: string | undefined): Review | null {
  return review && review.flowId === openFlowId ? review : null;
}

/**
 * True while a published version is shown read-only: edits made from the canvas, the palette or the
 * keyboard would change the draft, which is not on screen, so they are refused.
 */
export function viewingVersion(openFlowId: string | undefined): boolean {
  return activeReview(useReviewStore.getState().review, openFlowId)?.mode === 'view';
}
