import { useEffect, useMemo } from 'react';
import { checkFlow } from '../flow-checks';
import { useEditorStore } from '../store/flow-store';
import { lintContextOf, withOpenFlow } from './lint-context';

/** How long typing may pause before the flow is checked again. */
export const CHECK_DELAY_MS = 250;

/** Keeps `problems` in the store in step with the open flow, checked a moment after each edit. */
export function useLiveProblems(): void {
  const flow = useEditorStore((s) => s.flow);
  const resources = useEditorStore((s) => s.resources);
  const flows = useEditorStore((s) => s.flows);
  const context = useMemo(() => lintContextOf(resources, flows), [resources, flows]);

  useEffect(() => {
    if (!flow) return;
    const timer = setTimeout(
      () => useEditorStore.getState().setProblems(checkFlow(flow, withOpenFlow(context, flow))),
      CHECK_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [flow, context]);
}
