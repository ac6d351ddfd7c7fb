/**
 * Deleting blocks, asking first when the start block is among them: every call enters the flow there,
 * so losing it is never a side effect of a Delete key. Nothing else becomes the start on its own; the
 * flow is left without one (CF200, which blocks publishing) until the admin picks a block.
 */
import { create } from 'zustand';
import { removeBlocks } from '../flow/flow-edits';
import { useEditorStore } from '../store/flow-store';

interface StartDeleteState {
  /** The start block the admin is asked about, and how to answer. */
  asking: { start: string; count: number; answer(confirmed: boolean): void } | null;
}

export const useStartDeleteStore = create<StartDeleteState>()(() => ({ asking: null }));

/** Resolves true when the blocks may go: at once without the start among them, else once confirmed. */
export function confirmBlockDeletion(ids: readonly string[]): Promise<boolean> {
  const start = useEditorStore.getState().flow?.start;
  if (!start || !ids.includes(start)) return Promise.resolve(true);
  // A second request while one is open answers the first with "no" (never two questions at once).
  useStartDeleteStore.getState().asking?.answer(false);
  return new Promise((resolve) => {
    useStartDeleteStore.setState({
      asking: {
        start,
        count: ids.length,
        answer: (confirmed) => {
          useStartDeleteStore.setState({ asking: null });
          resolve(confirmed);
        },
      },
    });
  });
}

/** Deletes the blocks (the start only once the admin said so). */
export async function deleteBlocks(ids: readonly string[]): Promise<void> {
  if (!(await confirmBlockDeletion(ids))) return;
  useEditorStore.getState().edit((f) => removeBlocks(f, ids));
}
