import type { Flow } from '@callflow/model';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../api/client';
import { useEditorStore } from '../store/flow-store';

/**
 * Every flow by id, for the simulator to follow transfers and modules. Other flows are fetched once
 * per list change; the open flow is always the unsaved version in the editor.
 */
export function useAllFlows(open: Flow): Record<string, Flow> {
  const list = useEditorStore((s) => s.flows);
  const [others, setOthers] = useState<Record<string, Flow>>({});
  useEffect(() => {
    let cancelled = false;
    Promise.all(
      list.map((f) =>
        api.getFlow(f.id).then(
          (r) => r.flow,
          () => undefined,
        ),
      ),
    ).then((loaded) => {
      if (cancelled) return;
      const byId: Record<string, Flow> = {};
      for (const f of loaded) if (f) byId[f.id] = f;
      setOthers(byId);
    });
    return () => {
      cancelled = true;
    };
  }, [list]);
  return useMemo(() => ({ ...others, [open.id]: open }), [others, open]);
}
