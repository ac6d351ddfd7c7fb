import type { ContactSnapshot, TraceEntry } from '@callflow/runtime';
import {
  maskTraceEntry,
  maskValue,
  secureValuesOf,
  secureVariableNames,
  shownVariable,
} from '@callflow/runtime';
import type { PublishedVersions } from '../store/published-versions.js';

/** The version of each flow the contact entered, as it runs it. */
function flowsOf(s: ContactSnapshot, published: PublishedVersions) {
  return (flowId: string) => {
    const version = flowId === s.flowId ? s.version : s.versions?.[flowId];
    return version === undefined ? undefined : published.flow(flowId, version);
  };
}

/** Names of the secure variables of every flow the contact entered (its own version of each). */
function secureNames(s: ContactSnapshot, published: PublishedVersions): Set<string> {
  const flowOf = flowsOf(s, published);
  const names = new Set<string>();
  for (const flowId of [s.flowId, ...Object.keys(s.versions ?? {})]) {
    const flow = flowOf(flowId);
    if (flow) for (const name of secureVariableNames(flow)) names.add(name);
  }
  return names;
}

/**
 * What the API shows of a contact: its position, status, variables and system variables. A secure
 * variable shows as a mask; any other value that holds a secure value of the contact (`$lastDigits`
 * after a PIN, a copy in another variable, a module's PIN after it returned) has it masked. The raw
 * snapshot never leaves the server.
 */
export function contactView(s: ContactSnapshot, published: PublishedVersions) {
  const secure = secureNames(s, published);
  const secrets = secureValuesOf(s, flowsOf(s, published));
  const variables: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(s.variables))
    variables[name] = shownVariable(s, name, value, secrets, secure.has(name));
  const top = s.stack[s.stack.length - 1];
  return {
    contactId: s.contactId,
    kind: s.kind,
    flowId: s.flowId,
    version: s.version,
    status: s.status,
    endReason: s.endReason ?? null,
    block: top?.block ?? null,
    stack: s.stack.map((f) => ({ kind: f.kind, flowId: f.flowId, version: f.version, block: f.block })),
    callerNumber: s.callerNumber ?? null,
    dialedNumber: s.dialedNumber,
    variables,
    system: maskValue(s.system ?? {}, secrets, { numbers: true, shownToAgents: true }),
    variableVersions: s.variableVersions,
    queue: s.queue
      ? { name: s.queue.name, since: new Date(s.queue.since).toISOString(), agent: s.queue.agent ?? null }
      : null,
    timers: s.timers.map((t) => ({ id: t.id, at: new Date(t.at).toISOString(), event: t.event })),
    startedAt: new Date(s.startedAt).toISOString(),
    steps: s.steps,
  };
}

/** The trace, masked again with every secure value the contact has held (also those learnt later). */
export function traceView(s: ContactSnapshot, trace: readonly TraceEntry[], published: PublishedVersions) {
  const secrets = secureValuesOf(s, flowsOf(s, published));
  return { entries: trace.map((entry) => maskTraceEntry(entry, secrets)) };
}
