/** State of the file dialogs (new flow, unsaved changes, save conflict, versions, publish). */
import type { Flow, Problem } from '@callflow/model';
import { create } from 'zustand';
import type { LocalDraft } from './local-drafts';

export interface Conflict {
  /** The server's current draft. */
  theirs: { flow: Flow; etag: string };
  /** The version my edits started from (null when unknown: a new or imported flow). */
  base: Flow | null;
  /** My version, as it was when the save was refused. */
  mine: Flow;
}

export type Dialog =
  | { kind: 'none' }
  | { kind: 'newFlow' }
  | { kind: 'unsaved'; then: UnsavedContinuation }
  | { kind: 'conflict'; conflict: Conflict }
  | { kind: 'versions' }
  /** A draft kept in this browser for the flow just opened; `stale` when the flow was saved since. */
  | { kind: 'restoreDraft'; draft: LocalDraft; stale: boolean }
  | { kind: 'publishConfirm'; flowId: string; flowName: string }
  | {
      kind: 'publish';
      version?: number;
      problems: Problem[];
      blocked: boolean;
      /** The other flows made live along with it (publish with dependencies). */
      alsoPublished?: { flowId: string; version: number }[];
    }
  | { kind: 'import'; fileName: string; problems: Problem[] };

/** What to do once the user has decided about unsaved changes. */
export type UnsavedContinuation = { action: 'open'; id: string } | { action: 'new' } | { action: 'import' };

export interface FileState {
  dialog: Dialog;
  busy: boolean;
  show(dialog: Dialog): void;
  close(): void;
  setBusy(busy: boolean): void;
}

export const useFileStore = create<FileState>()((set) => ({
  dialog: { kind: 'none' },
  busy: false,
  show: (dialog) => set({ dialog }),
  close: () => set({ dialog: { kind: 'none' } }),
  setBusy: (busy) => set({ busy }),
}));
