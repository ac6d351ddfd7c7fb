import { useEffect } from 'react';
import { api } from '../api/client';
import { useEditorStore } from '../store/flow-store';
import { isCenterDirty, useCenterStore } from './center-store';

/**
 * Follows the resources file as the server has it (the designer re-reads it on every resources event):
 * when its etag is no longer the one the Center area loaded or saved, a screen without edits takes the
 * new file, and a screen with edits says "Changed elsewhere" (its save then merges entry by entry).
 */
export function useStoredResources(): void {
  const stored = useEditorStore((s) => s.resources);
  useEffect(() => {
    if (!stored || !useCenterStore.getState().history) return;
    let current = true;
    // An answer that arrives after a save of ours (the etag moved meanwhile) is older than what is on
    // screen: it is dropped, and the event of that save checks again.
    const etagBefore = useCenterStore.getState().etag;
    void api
      .getResourcesDocument()
      .then((doc) => {
        const center = useCenterStore.getState();
        if (!current || center.busy || center.etag !== etagBefore) return;
        if (!doc.resources || doc.etag === center.etag) return;
        if (isCenterDirty(center)) center.setStoredChanged(true);
        else center.load(doc.resources, doc.etag);
      })
      .catch(() => {
        // Offline for a moment: the next event or save tells.
      });
    return () => {
      current = false;
    };
  }, [stored]);
}
