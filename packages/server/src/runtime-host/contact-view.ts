import type { ContactSnapshot, TraceEntry } from '@callflow/runtime';
import { REDACTED, redactText, secureVariableNames } from '@callflow/runtime';
import type { PublishedVersions } from '../store/published-versions.js';
import { maskStrings } from './mask-strings.js';

/** Secure variables of every flow the contact entered (its own version of each). */
function secureNames(s: ContactSnapshot, published: PublishedVersions): Set<string> {
  const names = new Set<string>();
  const entered: [string, number][] = [[s.flowId, s.version], ...Object.entries(s.versions ?? {})];
  for (const [flowId, version] of entered) {
    const flow = published.get(flowId, version)?.flow;
    if (flow) for (const name of secureVariableNames(flow)) names.add(name);
  }
  return names;
}

function secureValues(s: ContactSnapshot, secure: Set<string>): unknown[] {
  return [...secure].map((name) => s.variables[name]).filter((v) => v !== undefined && v !== null);
}

/**
 * What the API shows of a contact: its position, status, variables and system variables, with every
 * secure variable replaced by a mask (and its value masked inside system variables). The raw snapshot never leaves the server.
 */
export function contactView(s: ContactSnapshot, published: PublishedVersions) {
  const secure = secureNames(s, published);
  // `$lastDigits` holds what the caller keyed last, a PIN included.
  const values = secureValues(s, secure);
  const variables: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(s.variables))
    variables[name] = secure.has(name) ? REDACTED : value;
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
    system: maskStrings(s.system ?? {}, (text) => redactText(text, values)),
    variableVersions: s.variableVersions,
    queue: s.queue
      ? { name: s.queue.name, since: new Date(s.queue.since).toISOString(), agent: s.queue.agent ?? null }
      : null,
    timers: s.timers.map((t) => ({ id: t.id, at: new Date(t.at).toISOString(), event: t.event })),
    startedAt: new Date(s.startedAt).toISOString(),
    steps: s.steps,
  };
}

/** The trace, with any secure value that slipped into free text masked as well. */
export function traceView(s: ContactSnapshot, trace: readonly TraceEntry[], published: PublishedVersions) {
  const values = secureValues(s, secureNames(s, published));
  return { entries: trace.map((entry) => maskStrings(entry, (text) => redactText(text, values))) };
}
