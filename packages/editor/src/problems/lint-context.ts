/** What the designer's live checks know of the project: resources and a summary of every other flow. */
import {
  FLOW_TYPES,
  type Flow,
  type FlowSummary,
  type FlowType,
  type LintContext,
  type Resources,
  summarizeFlow,
} from '@callflow/model';
import type { FlowListItem } from '../api/client';

/**
 * Lint context from the server's flow list. Each item's `summary` carries the module interface and the
 * modules it invokes, so module parameter mismatches (CF308) and recursion through other modules
 * (CF604) are found here as on the server. An item without one (an unreadable file) still counts as a
 * flow of its type, when known, for flow references.
 */
export function lintContextOf(resources: Resources | null, flows: readonly FlowListItem[]): LintContext {
  const out: LintContext = {};
  if (resources) out.resources = resources;
  if (flows.length === 0) return out;
  const summaries = new Map<string, FlowSummary>();
  for (const item of flows) {
    if (item.summary) summaries.set(item.id, item.summary);
    else if (isFlowType(item.type)) summaries.set(item.id, { id: item.id, type: item.type });
  }
  out.flows = summaries;
  return out;
}

/** The open flow may be new, renamed or edited since the list was read: lint sees it as it is now. */
export function withOpenFlow(context: LintContext, flow: Flow): LintContext {
  if (!context.flows) return context;
  const flows = new Map(context.flows);
  flows.set(flow.id, summarizeFlow(flow));
  return { ...context, flows };
}

/** The list gives a flow's type as its file says it; lint knows only the catalog's types. */
function isFlowType(type: string | null): type is FlowType {
  return (FLOW_TYPES as readonly (string | null)[]).includes(type);
}
