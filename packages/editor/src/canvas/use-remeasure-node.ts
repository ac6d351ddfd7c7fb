import { useStoreApi, useUpdateNodeInternals } from '@xyflow/react';
import { useCallback } from 'react';

/** Pending ids per React Flow store, known by its `getState` (useStoreApi wraps it anew per caller). */
type StoreKey = ReturnType<typeof useStoreApi>['getState'];
const pending = new Map<StoreKey, Set<string>>();

/**
 * Asks React Flow to measure a block's handles again. The requests of all blocks in one render go out
 * as one update: when the canvas zooms in past the compact level, every block in view asks at once,
 * and one update per block would make React Flow recompute everything once per block.
 */
export function useRemeasureNode(): (id: string) => void {
  const store = useStoreApi().getState;
  const update = useUpdateNodeInternals();
  return useCallback(
    (id: string) => {
      let ids = pending.get(store);
      if (!ids) {
        const batch = new Set<string>();
        ids = batch;
        pending.set(store, batch);
        queueMicrotask(() => {
          pending.delete(store);
          update([...batch]);
        });
      }
      ids.add(id);
    },
    [store, update],
  );
}
