/**
 * A call that requested a callback is followed past the caller's hang-up: the callback is a contact of
 * its own in the runtime (it waits in its queue, is offered to an agent, runs the outbound whisper and
 * dials the customer), and the panel tells it in the same transcript. Pure helpers over the
 * simulator's log and the trace.
 */
import type { ObservedLogEntry, ObservedTraceEntry } from './simulation-view';

interface LogEntryOf extends ObservedLogEntry {
  contactId: string;
}

/** Ids of the callback contacts the call requested (Create callback), in the order requested. */
export function requestedCallbacks(callLog: readonly LogEntryOf[]): string[] {
  const ids: string[] = [];
  for (const entry of callLog) {
    if (entry.direction !== 'command' || entry.type !== 'createCallback') continue;
    const id = (entry.detail as { request?: { id?: unknown } } | undefined)?.request?.id;
    if (typeof id === 'string' && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/**
 * The block of `flowId` that requested the callback: the current place on the canvas while the callback
 * goes on after the caller hung up.
 */
export function callbackBlock(trace: readonly ObservedTraceEntry[], flowId: string): string | null {
  for (let i = trace.length - 1; i >= 0; i--) {
    const entry = trace[i]!;
    if (entry.flowId === flowId && entry.blockType === 'createCallback' && entry.block) return entry.block;
  }
  return null;
}
