/** Which notes are selected on the canvas (blocks' selection lives in the flow store). */
import { create } from 'zustand';

export interface NotesState {
  selected: readonly string[];
  /** A note whose text should take the keyboard focus once drawn (just added, or found). */
  focusText: string | null;
  select(ids: readonly string[]): void;
  requestTextFocus(id: string | null): void;
}

const none: readonly string[] = [];

export const useNotesStore = create<NotesState>()((set, get) => ({
  selected: none,
  focusText: null,
  requestTextFocus: (id) => set({ focusText: id }),
  select: (ids) => {
    const current = get().selected;
    if (current.length === ids.length && current.every((id, i) => id === ids[i])) return;
    set({ selected: ids.length === 0 ? none : ids });
  },
}));
