import { useEffect, useMemo, useRef } from 'react';
import { checkFlow } from '../flow-checks';
import { useEditorStore } from '../store/flow-store';
import { lintContextOf, withOpenFlow } from './lint-context';

/** How long typing may pause before the flow is checked again. */
export const CHECK_DELAY_MS = 250;

/**
 * Keeps `problems` in the store in step with the open flow, checked a moment after each edit. A flow
 * just opened is checked that moment after it is first on screen: checking a large flow takes a
 * noticeable while, and drawing it comes first.
 */
export function useLiveProblems(): void {
  const flow = useEditorStore((s) => s.flow);
  const resources = useEditorStore((s) => s.resources);
  const flows = useEditorStore((s) => s.flows);
  const context = useMemo(() => lintContextOf(resources, flows), [resources, flows]);
  const shownId = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (!flow) return;
    const check = () => useEditorStore.getState().setProblems(checkFlow(flow, withOpenFlow(context, flow)));
    let timer: ReturnType<typeof setTimeout> | undefined;
    let frame: number | undefined;
    if (shownId.current === flow.id) timer = setTimeout(check, CHECK_DELAY_MS);
    else {
      shownId.current = flow.id;
      // The first frame paints the flow; the wait starts at the next one.
      frame = requestAnimationFrame(() => {
        frame = requestAnimationFrame(() => {
          timer = setTimeout(check, CHECK_DELAY_MS);
        });
      });
    }
    return () => {
      if (frame !== undefined) cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [flow, context]);
}
