import type { FlowSummary, LintContext } from '@callflow/model';
import { useEffect, useMemo } from 'react';
import { checkFlow } from '../flow-checks';
import { useEditorStore } from '../store/flow-store';

/** How long typing may pause before the flow is checked again. */
export const CHECK_DELAY_MS = 250;

/** Keeps `problems` in the store in step with the open flow, checked a moment after each edit. */
export function useLiveProblems(): void {
  const flow = useEditorStore((s) => s.flow);
  const resources = useEditorStore((s) => s.resources);
  const flows = useEditorStore((s) => s.flows);
  const context = useMemo<LintContext>(() => {
    const summaries = new Map<string, FlowSummary>(flows.map((f) => [f.id, { id: f.id, type: f.type }]));
    const out: LintContext = {};
    if (resources) out.resources = resources;
    if (flows.length > 0) out.flows = summaries;
    return out;
  }, [resources, flows]);

  useEffect(() => {
    if (!flow) return;
    const timer = setTimeout(
      () => useEditorStore.getState().setProblems(checkFlow(flow, withSelf(context, flow))),
      CHECK_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [flow, context]);
}

/** The open flow may be new or renamed: lint sees it as it is now. */
function withSelf(
  context: LintContext,
  flow: { id: string; type: FlowSummary['type']; module?: FlowSummary['module'] },
): LintContext {
  if (!context.flows) return context;
  const flows = new Map(context.flows);
  const self: FlowSummary = { id: flow.id, type: flow.type };
  if (flow.module) self.module = flow.module;
  flows.set(flow.id, self);
  return { ...context, flows };
}
