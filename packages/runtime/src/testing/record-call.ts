import { isTransferredCallback } from '../engine/callback-state.js';
import type { Simulator } from '../simulator/simulator.js';
import type { Command, ContactSnapshot, TraceEntry } from '../types.js';
import type { BlockVisit, CallbackRecord, CallRecord, DialRecord, OfferRecord } from './call-record.js';
import { type EndKind, RECORDING_ACTIONS, type RecordingAction } from './flow-test.js';

type CommandOf<T extends Command['type']> = Extract<Command, { type: T }>;

/**
 * Builds the record of a simulated call from the simulator's log, the trace and the final snapshot.
 * Variables the call never set show their declared default (`defaults`), as the agent desktop does.
 */
export function recordCall(
  sim: Simulator,
  contactId: string,
  flow: string,
  defaults: Record<string, unknown> = {},
): CallRecord {
  const snapshot = sim.snapshot(contactId);
  const commands = (id: string) =>
    sim.events.filter((e) => e.contactId === id && e.direction === 'command').map((e) => e.detail as Command);
  const own = commands(contactId);
  const callbackIds = own
    .filter((c): c is CommandOf<'createCallback'> => c.type === 'createCallback')
    .map((c) => c.request.id);
  const related = [contactId, ...callbackIds];

  const record: CallRecord = {
    flow,
    visits: related.flatMap((id) => visits(sim.trace(id))),
    prompts: sim.heard(contactId, 'caller'),
    agentPrompts: related.flatMap((id) => sim.heard(id, 'agent')),
    logs: sim.trace(contactId).flatMap((entry) => (entry.log === undefined ? [] : [entry.log])),
    queues: own.filter((c): c is CommandOf<'enqueue'> => c.type === 'enqueue').map((c) => c.queue),
    offers: related.flatMap((id) => offers(commands(id))),
    dials: related.flatMap((id) => dials(commands(id), sim.trace(id), sim.telephony.digitsSent(id))),
    callbacks: callbackIds.map((id) => callbackRecord(sim, id, own)),
    variables: { ...defaults, ...(snapshot?.variables ?? {}) },
    recording: own
      .filter((c): c is CommandOf<'setRecording'> => c.type === 'setRecording')
      .map((c) => c.action)
      .filter((a): a is RecordingAction => (RECORDING_ACTIONS as readonly string[]).includes(a)),
  };
  const end = endKind(snapshot);
  if (end) record.end = end;
  if (snapshot?.endReason) record.endReason = snapshot.endReason;
  return record;
}

/**
 * Blocks entered, from the trace. An entry without an event names a block being entered, except when
 * a block resumes after the sub-flow it started (a module, a queue flow) ended: that entry repeats the
 * block its flow last entered and follows entries of another flow.
 */
export function visits(trace: readonly TraceEntry[]): BlockVisit[] {
  const out: BlockVisit[] = [];
  const lastOfFlow = new Map<string, string>();
  let previousFlow: string | undefined;
  for (const entry of trace) {
    if (entry.block !== undefined && entry.flowId !== undefined && entry.event === undefined) {
      const resumed = previousFlow !== entry.flowId && lastOfFlow.get(entry.flowId) === entry.block;
      if (!resumed) {
        out.push({ flow: entry.flowId, block: entry.block });
        lastOfFlow.set(entry.flowId, entry.block);
      }
    }
    if (entry.flowId !== undefined) previousFlow = entry.flowId;
  }
  return out;
}

function offers(commands: readonly Command[]): OfferRecord[] {
  return commands
    .filter((c): c is CommandOf<'offerToAgent'> => c.type === 'offerToAgent')
    .map((c) => ({ agent: c.agent, kind: c.kind, title: c.title, popover: c.popover }));
}

/** Dial commands, each with the caller-ID decision the trace recorded for it (in the same order). */
function dials(
  commands: readonly Command[],
  trace: readonly TraceEntry[],
  sent: readonly { ref: string; digits: string }[],
): DialRecord[] {
  const decisions = trace.filter((t) => t.callerId !== undefined).map((t) => t.callerId);
  return commands
    .filter((c): c is CommandOf<'dial'> => c.type === 'dial')
    .map((c, i) => {
      const decision = decisions[i];
      const dial: DialRecord = { purpose: c.purpose, to: c.to };
      if (c.callerId !== undefined) dial.callerId = c.callerId;
      if (c.callerIdName !== undefined) dial.callerIdName = c.callerIdName;
      const digits = sent.find((s) => s.ref === c.ref)?.digits;
      if (digits !== undefined) dial.sendDigits = digits;
      if (decision) {
        dial.rule = decision.rule;
        dial.reason = decision.reason;
      }
      return dial;
    });
}

function callbackRecord(sim: Simulator, id: string, own: readonly Command[]): CallbackRecord {
  const request = own.find(
    (c): c is CommandOf<'createCallback'> => c.type === 'createCallback' && c.request.id === id,
  )?.request;
  const snapshot = sim.snapshot(id);
  return {
    id,
    number: request?.number ?? '',
    queue: request?.queue ?? '',
    status: callbackStatus(snapshot),
  };
}

/**
 * "queued", "offered", "dialling", "connected"... while it lives; "completed", "expired", "notAnswered" or
 * "failed" once ended; "transferred" from the moment an agent transfers it (it goes on as a call).
 */
function callbackStatus(snapshot: ContactSnapshot | undefined): string {
  if (!snapshot) return 'notStarted';
  if (isTransferredCallback(snapshot)) return 'transferred';
  if (snapshot.status !== 'ended') return snapshot.callback?.phase ?? snapshot.status;
  const reason = snapshot.endReason ?? '';
  if (reason === 'callback completed') return 'completed';
  if (reason === 'callback expired') return 'expired';
  if (reason.startsWith('callback not answered')) return 'notAnswered';
  return 'failed';
}

function endKind(snapshot: ContactSnapshot | undefined): EndKind | undefined {
  if (!snapshot) return undefined;
  if (snapshot.status === 'connected') return 'connectedToAgent';
  if (snapshot.status === 'transferred') return 'transferred';
  if (snapshot.status !== 'ended') return undefined;
  const reason = snapshot.endReason ?? '';
  if (reason.startsWith('error')) return 'error';
  if (reason === 'caller hung up') return 'callerHungUp';
  if (reason === 'agent hung up') return 'connectedToAgent';
  if (reason.startsWith('transferred')) return 'transferred';
  return 'disconnected';
}
