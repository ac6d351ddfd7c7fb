import type { AgentState } from '../host/acd.js';
import { isContactOver } from '../rules/contact-over.js';
import type { Simulator } from '../simulator/simulator.js';
import type { ContactSnapshot } from '../types.js';
import { type CallRecord, entryPath } from './call-record.js';
import type { Expectation, Scenario } from './flow-test.js';
import { recordCall } from './record-call.js';
import { type AgentChange, scenarioAgents, shiftForOffers } from './recorded-agents.js';
import { callerActions, callerSteps, secureKeyNotes, shiftForPresses } from './recorded-caller.js';
import { type ContactLog, callLogs, type OfferOutcome, offerOutcomes } from './recorded-log.js';
import { dialAnswers, httpAnswers } from './recorded-services.js';
import { ReplayClock } from './replay-clock.js';
import { DEFAULT_MAX_SECONDS } from './run-scenario.js';

/** A call played on the simulator by hand (the designer's simulator), to be kept as a scenario. */
export interface RecordedCall {
  /** The simulator the call ran on (its `events` log, `trace`, agents). */
  sim: Simulator;
  contactId: string;
  /** The flow under test (the call entered it). */
  flow: string;
  /** `at` ISO, the call's start. */
  call: { from: string; to: string; at: string };
  /** Agents' states when the call started (those not listed were Available). */
  agentsAtStart: Record<string, AgentState>;
  /** States the admin set by hand during the call, with the virtual time (epoch ms). */
  agentChanges?: AgentChange[];
  name: string;
}

export interface ScenarioDraft {
  scenario: Scenario;
  /** What of the call a scenario cannot express (each a sentence an admin understands), e.g. an agent who hung up. */
  notes: string[];
}

/** Time the replay may run on once a call has settled, for callbacks still on their way. */
const SETTLED_MARGIN_SECONDS = 60;

/**
 * Turns a call simulated by hand into a flow-test scenario that replays it: the caller's keys, waits and
 * hang-up; the agents as they were and as they acted; the answers of web services and dialled numbers;
 * and what the admin saw as expectations (path, queue, offer and popover, transfer, callback, end — not
 * prompts or variables, too brittle for a recorded test). The runner does at once what the admin took
 * time to do, so times are measured on the replay's clock (see {@link ReplayClock}). What a scenario
 * cannot express is left out and said in `notes`.
 */
export function scenarioFromCall(recorded: RecordedCall): ScenarioDraft {
  const { sim, contactId } = recorded;
  const snapshot = sim.snapshot(contactId);
  if (!snapshot) throw new Error(`No contact "${contactId}" in this simulator: there is no call to record.`);
  const start = Date.parse(recorded.call.at);
  if (Number.isNaN(start)) throw new Error(`"${recorded.call.at}" is not an ISO 8601 date-time.`);

  const logs = callLogs(sim, contactId);
  const [callLog] = logs as [ContactLog];
  const offers = offerOutcomes(logs);
  const clock = new ReplayClock(start);
  const caller = callerActions(sim, callLog, start);
  shiftForPresses(caller, clock);
  shiftForOffers(offers, clock);

  const agents = scenarioAgents({
    sim,
    logs,
    offers,
    agentsAtStart: recorded.agentsAtStart,
    agentChanges: recorded.agentChanges ?? [],
    clock,
  });
  const http = httpAnswers(logs);
  const dial = dialAnswers(logs);
  const steps = callerSteps(caller, clock);
  const record = recordCall(sim, contactId, recorded.flow);
  const limit = maxSeconds(sim, snapshot, clock);

  // Keys in the order of the test format, `expect` last, as in the files people write.
  const scenario: Scenario = {
    name: recorded.name,
    call: { ...recorded.call },
    ...(steps.length > 0 ? { caller: steps } : {}),
    ...(Object.keys(agents.agents).length > 0 ? { agents: agents.agents } : {}),
    ...(Object.keys(dial.dial).length > 0 ? { dial: dial.dial } : {}),
    ...(http.http.length > 0 ? { http: http.http } : {}),
    ...(limit.seconds !== undefined ? { maxSeconds: limit.seconds } : {}),
    expect: expectation(record, offers, contactId),
  };

  const notes = [
    ...caller.notes,
    ...secureKeyNotes(sim, caller),
    ...agents.notes,
    ...dial.notes,
    ...http.notes,
    ...limit.notes,
  ];
  return { scenario, notes: [...new Set(notes)] };
}

/** The contact is over or with someone: the runner stops there (once its callbacks have too). */
function settled(snapshot: ContactSnapshot): boolean {
  return isContactOver(snapshot) || snapshot.status === 'connected';
}

/**
 * A call that settled: the runner stops by itself; the limit leaves room for callbacks to finish, never
 * under the runner's default. A call still going when it was saved: the replay stops at the same moment,
 * before the flow moves on to what the admin never saw.
 */
function maxSeconds(
  sim: Simulator,
  snapshot: ContactSnapshot,
  clock: ReplayClock,
): { seconds?: number; notes: string[] } {
  const seconds = Math.max(1, Math.ceil(clock.seconds(sim.now())));
  if (settled(snapshot)) {
    const limit = seconds + SETTLED_MARGIN_SECONDS;
    return limit > DEFAULT_MAX_SECONDS ? { seconds: limit, notes: [] } : { notes: [] };
  }
  const where = whereItWas(snapshot);
  return {
    seconds,
    notes: [
      `The call was still going when it was saved (${where}): the test stops it ${seconds} s in, where you did, and does not check how it ends.`,
    ],
  };
}

/** Where a call that has not settled stands, in the designer's words. */
function whereItWas(snapshot: ContactSnapshot): string {
  const queue = snapshot.queue;
  if (snapshot.status === 'offered' && queue?.offer)
    return `offered to ${queue.offer.agent} in queue ${queue.name}`;
  if (snapshot.status === 'whisper')
    return `playing the whispers before connecting to ${queue?.agent ?? 'the agent'}`;
  if (snapshot.status === 'transferring') return 'dialling the number an agent transferred it to';
  if (queue) return `waiting in queue ${queue.name}`;
  const block = snapshot.stack.at(-1)?.block;
  return block ? `at block ${block} of ${snapshot.stack.at(-1)?.flowId}` : snapshot.status;
}

/**
 * What the admin saw. The offer named is the one that was accepted, else the last one made (the call's
 * own before its callbacks'); its popover is the first offer to that agent's, as the runner checks it.
 */
function expectation(record: CallRecord, offers: readonly OfferOutcome[], contactId: string): Expectation {
  const expect: Expectation = { path: entryPath(record) };
  const queue = record.queues.at(-1);
  if (queue !== undefined) expect.queue = queue;
  const own = offers.filter((o) => o.contactId === contactId);
  const others = offers.filter((o) => o.contactId !== contactId);
  const named =
    own.find((o) => o.result === 'accepted') ??
    own.at(-1) ??
    others.find((o) => o.result === 'accepted') ??
    others.at(-1);
  if (named) {
    expect.offeredTo = named.agent;
    const offer = record.offers.find((o) => o.agent === named.agent);
    if (offer && offer.popover.length > 0) {
      expect.popover = offer.popover.map((p) => ({ label: p.label, value: p.value }));
    }
  }
  const transfer = record.dials.find((d) => d.purpose === 'transfer');
  if (transfer) {
    expect.transfer = { to: transfer.to };
    if (transfer.callerId !== undefined) expect.transfer.callerId = transfer.callerId;
    if (transfer.rule !== undefined) expect.transfer.rule = transfer.rule;
  }
  const callback = record.callbacks[0];
  if (callback) expect.callback = { number: callback.number, queue: callback.queue };
  if (record.end !== undefined) expect.end = record.end;
  return expect;
}
