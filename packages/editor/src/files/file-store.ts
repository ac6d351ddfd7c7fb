/** State of the file dialogs (new flow, unsaved changes, save conflict, versions, publish). */
import type { Flow, Problem } from '@callflow/model';
import { create } from 'zustand';

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
  | { kind: 'publish'; version?: number; problems: Problem[]; blocked: boolean }
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
