/**
 * The designer's one store. The open flow document (with its undo history) is the single source of
 * truth: the canvas, the forms, the JSON view and the problems are all derived from `flow`.
 */
import type { Flow, Problem, Resources } from '@callflow/model';
import { create } from 'zustand';
import type { FlowListItem } from '../api/client';
import { type History, record, redo, startHistory, undo } from '../flow/history';
import {
  keepLiving,
  NO_PENDING_EDITS,
  type PendingEdit,
  type PendingEdits,
  renameSubject,
  withPending,
} from './pending-edits';

export type SideTab =
  | 'properties'
  | 'variables'
  | 'problems'
  | 'json'
  | 'simulator'
  | 'tests'
  | 'uses'
  | 'traffic';

export interface FieldFocus {
  blockId?: string;
  /** JSON pointer of the problem, so the form can focus the matching field. */
  path: string;
  /** Changes on every request so the same field can be focused twice. */
  nonce: number;
}

export interface Notice {
  kind: 'info' | 'success' | 'error';
  text: string;
}

export interface EditorState {
  /** Flows known to the server. */
  flows: FlowListItem[];
  /** True once the server answered with the flow list (so it is there and the token is good). */
  online: boolean;
  resources: Resources | null;
  history: History<Flow> | null;
  flow: Flow | null;
  /** The document as last loaded or saved (same object when nothing changed since). */
  savedFlow: Flow | null;
  /** ETag of the saved draft; null for a flow that was never saved. */
  etag: string | null;
  selection: string[];
  tab: SideTab;
  focus: FieldFocus | null;
  problems: Problem[];
  /** False from opening a flow until its first check: `problems` does not speak for it yet. */
  problemsChecked: boolean;
  notice: Notice | null;
  /** Edits shown in a field but not applied to `flow`, by field (see pending-edits.ts). */
  pending: PendingEdits;
  /** True when the server said the stored flow changed (saved elsewhere, deleted) since `etag`. */
  storedChanged: boolean;

  open(flow: Flow, etag: string | null): void;
  close(): void;
  /** Applies an edit; edits with the same `coalesce` key in a row are one undo step. */
  edit(change: (flow: Flow) => Flow, coalesce?: string): void;
  undo(): void;
  redo(): void;
  markSaved(flow: Flow, etag: string): void;
  /**
   * After a merge: `stored` (with its etag) becomes the version edits are based on, and `merged` the
   * flow on screen, as one undoable edit.
   */
  rebase(stored: Flow, etag: string, merged: Flow): void;
  select(ids: string[]): void;
  setTab(tab: SideTab): void;
  focusProblem(problem: Pick<Problem, 'blockId' | 'path'>): void;
  setProblems(problems: Problem[]): void;
  setFlows(flows: FlowListItem[]): void;
  setResources(resources: Resources | null): void;
  notify(notice: Notice | null): void;
  /** Registers (or, with null, clears) the edit a field holds without applying it. */
  setPending(key: string, edit: PendingEdit | null): void;
  /**
   * Renames something edits are held for (`/blocks/old` to `/blocks/new`) with `change`, one undoable
   * edit; the held edits follow it (see renameSubject).
   */
  rename(from: string, to: string, names: { from: string; to: string }, change: (flow: Flow) => Flow): void;
}

export const useEditorStore = create<EditorState>()((set, get) => ({
  flows: [],
  online: false,
  resources: null,
  history: null,
  flow: null,
  savedFlow: null,
  etag: null,
  selection: [],
  tab: 'properties',
  focus: null,
  problems: [],
  problemsChecked: false,
  notice: null,
  pending: NO_PENDING_EDITS,
  storedChanged: false,

  open: (flow, etag) =>
    set({
      history: startHistory(flow),
      flow,
      savedFlow: etag === null ? null : flow,
      etag,
      selection: [],
      focus: null,
      // The previous flow's problems would point at blocks this one does not have.
      problems: [],
      problemsChecked: false,
      pending: NO_PENDING_EDITS,
      storedChanged: false,
    }),
  close: () =>
    set({
      history: null,
      flow: null,
      savedFlow: null,
      etag: null,
      selection: [],
      focus: null,
      problems: [],
      problemsChecked: false,
      pending: NO_PENDING_EDITS,
    }),
  edit: (change, coalesce) => {
    const { history } = get();
    if (!history) return;
    const next = change(history.present);
    if (next === history.present) return;
    const updated = record(history, next, coalesce);
    set({
      history: updated,
      flow: updated.present,
      selection: keepExisting(get().selection, next),
      pending: keepLiving(get().pending, next),
    });
  },
  undo: () => {
    const { history } = get();
    if (!history) return;
    const updated = undo(history);
    set({
      history: updated,
      flow: updated.present,
      selection: keepExisting(get().selection, updated.present),
      pending: keepLiving(get().pending, updated.present),
    });
  },
  redo: () => {
    const { history } = get();
    if (!history) return;
    const updated = redo(history);
    set({
      history: updated,
      flow: updated.present,
      selection: keepExisting(get().selection, updated.present),
      pending: keepLiving(get().pending, updated.present),
    });
  },
  markSaved: (flow, etag) => {
    // Saving is not an edit: keep the history, but stop coalescing across the save point.
    const { history } = get();
    set({
      savedFlow: flow,
      etag,
      storedChanged: false,
      history: history ? ({ ...history, lastKey: undefined } as History<Flow>) : history,
    });
  },
  rebase: (stored, etag, merged) => {
    get().edit(() => merged);
    get().markSaved(stored, etag);
  },
  select: (ids) => {
    const current = get().selection;
    if (current.length === ids.length && current.every((id, i) => id === ids[i])) return;
    set({ selection: ids });
  },
  setTab: (tab) => set({ tab }),
  focusProblem: (problem) => {
    const ids = problem.blockId && get().flow?.blocks[problem.blockId] ? [problem.blockId] : get().selection;
    const focus: FieldFocus = { path: problem.path, nonce: Date.now() };
    if (problem.blockId) focus.blockId = problem.blockId;
    const tab: SideTab = problem.blockId
      ? 'properties'
      : problem.path.startsWith('/variables') || problem.path.startsWith('/popover')
        ? 'variables'
        : get().tab;
    set({ selection: ids, focus, tab });
  },
  setProblems: (problems) => set({ problems, problemsChecked: true }),
  setFlows: (flows) => set({ flows, online: true }),
  setResources: (resources) => set({ resources }),
  notify: (notice) => set({ notice }),
  rename: (from, to, names, change) => {
    set({ pending: renameSubject(get().pending, from, to, names) });
    get().edit(change);
  },
  setPending: (key, edit) => {
    const pending = withPending(get().pending, key, edit);
    if (pending !== get().pending) set({ pending });
  },
}));

function keepExisting(selection: string[], flow: Flow): string[] {
  const kept = selection.filter((id) => flow.blocks[id]);
  return kept.length === selection.length ? selection : kept;
}

/**
 * True when what is on screen is not what is stored: the open flow differs from what was last loaded
 * or saved, or a field holds an edit that is not applied.
 */
export function isDirty(state: Pick<EditorState, 'flow' | 'savedFlow' | 'pending'>): boolean {
  return state.flow !== null && (state.flow !== state.savedFlow || hasPendingEdits(state));
}

export function hasPendingEdits(state: Pick<EditorState, 'pending'>): boolean {
  return state.pending !== NO_PENDING_EDITS && Object.keys(state.pending).length > 0;
}
