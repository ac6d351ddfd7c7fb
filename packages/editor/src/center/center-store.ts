/**
 * The Center area's state: the resources document being edited (with its own undo history), the
 * version it was loaded or saved as, its etag, and the entry on screen. Kept apart from the flow store
 * so switching between Flows and Center loses neither side's unsaved edits.
 */
import type { ResourceKind, Resources } from '@callflow/model';
import { create } from 'zustand';
import { type History, record, redo, startHistory, undo } from '../flow/history';

/** A save refused as stale where both sides changed the same entries. */
export interface ResourcesConflict {
  theirs: { resources: Resources; etag: string };
  /** The version my edits started from (null when unknown). */
  base: Resources | null;
  mine: Resources;
}

export type Area = 'flows' | 'center';

/** What the Center area shows: an entry of a kind, or the account settings. */
export type CenterSelection = { kind: ResourceKind; name: string } | { kind: 'account' } | null;

export interface CenterState {
  area: Area;
  history: History<Resources> | null;
  resources: Resources | null;
  /** The document as last loaded or saved. */
  saved: Resources | null;
  etag: string | null;
  selection: CenterSelection;
  /** True when the server said the resources file changed since `etag`. */
  storedChanged: boolean;
  /** A save is under way (Save is disabled meanwhile). */
  busy: boolean;
  /** A save refused because both sides changed the same entries: the dialog asks about them. */
  conflict: ResourcesConflict | null;

  setArea(area: Area): void;
  load(resources: Resources, etag: string | null): void;
  /** Applies an edit; edits with the same `coalesce` key in a row are one undo step. */
  edit(change: (resources: Resources) => Resources, coalesce?: string): void;
  undo(): void;
  redo(): void;
  markSaved(resources: Resources, etag: string): void;
  select(selection: CenterSelection): void;
  setStoredChanged(changed: boolean): void;
  setBusy(busy: boolean): void;
  setConflict(conflict: ResourcesConflict | null): void;
}

export const useCenterStore = create<CenterState>()((set, get) => ({
  area: 'flows',
  history: null,
  resources: null,
  saved: null,
  etag: null,
  selection: null,
  storedChanged: false,
  busy: false,
  conflict: null,

  setArea: (area) => set({ area }),
  load: (resources, etag) =>
    set({ history: startHistory(resources), resources, saved: resources, etag, storedChanged: false }),
  edit: (change, coalesce) => {
    const { history } = get();
    if (!history) return;
    const next = change(history.present);
    if (next === history.present) return;
    const updated = record(history, next, coalesce);
    set({ history: updated, resources: updated.present });
  },
  undo: () => {
    const { history } = get();
    if (!history) return;
    const updated = undo(history);
    set({
      history: updated,
      resources: updated.present,
      selection: keepSelection(get().selection, updated.present),
    });
  },
  redo: () => {
    const { history } = get();
    if (!history) return;
    const updated = redo(history);
    set({
      history: updated,
      resources: updated.present,
      selection: keepSelection(get().selection, updated.present),
    });
  },
  markSaved: (resources, etag) => {
    const { history } = get();
    set({
      saved: resources,
      etag,
      storedChanged: false,
      history: history ? { ...history, lastKey: undefined } : history,
    });
  },
  select: (selection) => set({ selection }),
  setStoredChanged: (storedChanged) => set({ storedChanged }),
  setBusy: (busy) => set({ busy }),
  setConflict: (conflict) => set({ conflict }),
}));

/** An undo that removes the entry on screen leaves nothing selected rather than an empty form. */
function keepSelection(selection: CenterSelection, resources: Resources): CenterSelection {
  if (!selection || selection.kind === 'account') return selection;
  return Object.hasOwn(resources[selection.kind], selection.name) ? selection : null;
}

export function isCenterDirty(state: Pick<CenterState, 'resources' | 'saved'>): boolean {
  return state.resources !== null && state.resources !== state.saved;
}
