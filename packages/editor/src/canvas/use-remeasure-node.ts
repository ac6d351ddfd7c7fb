import { useUpdateNodeInternals } from '@xyflow/react';
import { useCallback } from 'react';

type Update = ReturnType<typeof useUpdateNodeInternals>;
const pending = new Map<Update, Set<string>>();

/**
 * Asks React Flow to measure a block's handles again. Requests made in one render are sent as one
 * update: when the canvas zooms in past the compact level, every block in view asks at once, and one
 * update per block would make React Flow recompute everything once per block.
 */
export function useRemeasureNode(): (id: string) => void {
  const update = useUpdateNodeInternals();
  return useCallback(
    (id: string) => {
      let ids = pending.get(update);
      if (!ids) {
        const batch = new Set<string>();
        ids = batch;
        pending.set(update, batch);
        queueMicrotask(() => {
          pending.delete(update);
          update([...batch]);
        });
      }
      ids.add(id);
    },
    [update],
  );
}
