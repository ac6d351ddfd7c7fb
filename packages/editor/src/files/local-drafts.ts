/**
 * Unsaved work kept in the browser (localStorage), one draft per flow, so that a reload or a crashed
 * tab does not lose it: the flow as edited, the edits not applied yet, and the stored version the edits
 * started from (its ETag and content), so a restore over a version saved since can merge from it.
 * Nothing secret is in a flow document (secure values exist only at run time).
 */
import type { Flow } from '@callflow/model';
import type { PendingEdits } from '../store/pending-edits';

export interface LocalDraft {
  flowId: string;
  /** ETag of the stored version the edits started from; null for a flow never saved. */
  baseEtag: string | null;
  /** That stored version (null for a flow never saved). */
  base: Flow | null;
  flow: Flow;
  pending: PendingEdits;
  /** When the draft was last written (ISO 8601). */
  savedAt: string;
}

export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const PREFIX = 'callflow.draft.';

/** The browser's localStorage, or null where there is none (or it is refused, as in some private modes). */
export function browserStorage(): DraftStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Writes the draft; false when the browser refused (storage full or disabled). */
export function writeLocalDraft(storage: DraftStorage, draft: LocalDraft): boolean {
  try {
    storage.setItem(PREFIX + draft.flowId, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

/** The draft of a flow, or null; a draft that cannot be read is removed rather than offered. */
export function readLocalDraft(storage: DraftStorage, flowId: string): LocalDraft | null {
  const text = storage.getItem(PREFIX + flowId);
  if (text === null) return null;
  const draft = parseDraft(text);
  if (!draft || draft.flowId !== flowId) {
    storage.removeItem(PREFIX + flowId);
    return null;
  }
  return draft;
}

export function removeLocalDraft(storage: DraftStorage, flowId: string): void {
  storage.removeItem(PREFIX + flowId);
}

/** Every readable draft, newest first. */
export function listLocalDrafts(storage: DraftStorage): LocalDraft[] {
  const ids: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(PREFIX)) ids.push(key.slice(PREFIX.length));
  }
  return ids
    .map((id) => readLocalDraft(storage, id))
    .filter((d): d is LocalDraft => d !== null)
    .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

function parseDraft(text: string): LocalDraft | null {
  try {
    const value = JSON.parse(text) as Partial<LocalDraft>;
    if (
      typeof value.flowId !== 'string' ||
      typeof value.savedAt !== 'string' ||
      !isFlowLike(value.flow) ||
      (value.base !== null && !isFlowLike(value.base)) ||
      (value.baseEtag !== null && typeof value.baseEtag !== 'string') ||
      typeof value.pending !== 'object' ||
      value.pending === null
    )
      return null;
    return value as LocalDraft;
  } catch {
    return null;
  }
}

function isFlowLike(value: unknown): value is Flow {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Flow).id === 'string' &&
    typeof (value as Flow).blocks === 'object'
  );
}

/** How a draft compares with what the server stores now. */
export type DraftStanding =
  /** Same content as stored, nothing pending: not worth offering. */
  | 'identical'
  /** Started from the version stored now. */
  | 'current'
  /** Started from an older version: someone saved since (or the flow was deleted). */
  | 'stale';

/** `storedText` is the canonical text of the stored version (null when the server has no such flow). */
export function draftStanding(
  draft: LocalDraft,
  stored: { etag: string; text: string } | null,
  canonical: (flow: Flow) => string,
): DraftStanding {
  const pendingNothing = Object.keys(draft.pending).length === 0;
  if (stored && pendingNothing && canonical(draft.flow) === stored.text) return 'identical';
  if (!stored) return draft.baseEtag === null ? 'current' : 'stale';
  return draft.baseEtag === stored.etag ? 'current' : 'stale';
}
