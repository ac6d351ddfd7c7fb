import type { AgentState } from '../host/acd.js';
import type { Simulator } from '../simulator/simulator.js';
import type { ContactEventBody } from '../types.js';
import type { ScenarioAgent } from './flow-test.js';
import { type ContactLog, callTime, type Logged, type OfferOutcome } from './recorded-log.js';
import type { ReplayClock } from './replay-clock.js';

export interface AgentChange {
  agent: string;
  state: AgentState;
  /** Virtual time, epoch ms. */
  at: number;
}

export interface RecordedAgents {
  sim: Simulator;
  logs: readonly ContactLog[];
  offers: readonly OfferOutcome[];
  /** Agents' states when the call started (those not listed were Available). */
  agentsAtStart: Readonly<Record<string, AgentState>>;
  agentChanges: readonly AgentChange[];
  clock: ReplayClock;
}

/**
 * The runner accepts an offer the moment it rings, and lets an ignoring agent's offer ring until its
 * timeout: the replay gains the time the admin took to accept, and loses the timeout minus the time
 * the admin took to let it go.
 */
export function shiftForOffers(offers: readonly OfferOutcome[], clock: ReplayClock): void {
  for (const o of offers) {
    if (o.endedAt === undefined) continue;
    if (o.result === 'accepted') clock.shift(o.endedAt, o.endedAt - o.at);
    if (o.result === 'rangOut') clock.shift(o.endedAt, o.endedAt - o.at - o.timeoutSeconds * 1000);
  }
}

/**
 * The scenario's agents: those offered the call (or its callbacks), those the admin changed by hand, and
 * every agent of the groups of the queues the call entered (they count in its estimated wait), each with
 * their state at the start, how they treated offers and when they became Available. What a test agent
 * cannot do (go back to Available after RONA, hang up, edit a variable) becomes a note.
 */
export function scenarioAgents(input: RecordedAgents): {
  agents: Record<string, ScenarioAgent>;
  notes: string[];
} {
  const groups = new Set(input.logs.flatMap((l) => l.commands('enqueue').map((c) => c.detail.agentGroup)));
  const agents: Record<string, ScenarioAgent> = {};
  const notes: string[] = [];
  for (const [name, agent] of input.sim.acd.agents) {
    const offers = input.offers.filter((o) => o.agent === name);
    const changes = input.agentChanges.filter((c) => c.agent === name);
    const involved = offers.length > 0 || changes.length > 0 || agent.groups.some((g) => groups.has(g));
    if (!involved) continue;
    const entry: ScenarioAgent = {};
    const start = input.agentsAtStart[name] ?? 'Available';
    if (start === 'Offline' || start === 'Busy') entry.state = start;
    else if (start === 'RONA' || start === 'WrapUp') {
      entry.state = 'Busy';
      notes.push(
        `${name} was in ${start} when the call started; a test agent starts Available, Offline or Busy, so the test starts them Busy (they take no calls either way).`,
      );
    }
    notes.push(...handChanges(input, name, start, entry));
    notes.push(...offerBehaviour(name, offers, entry));
    notes.push(...agentActions(input, name, entry));
    agents[name] = entry;
  }
  return { agents, notes };
}

/** States set by hand: becoming Available once, from a state that takes no calls, is expressible. */
function handChanges(input: RecordedAgents, name: string, start: AgentState, entry: ScenarioAgent): string[] {
  const notes: string[] = [];
  const at = (t: number) => callTime(t - input.clock.start);
  // What happened to the agent, in time order; the outcome of an offer before a change made at the same time.
  const happenings = [
    ...input.offers
      .filter((o) => o.agent === name && o.endedAt !== undefined)
      .flatMap((o) =>
        o.result === 'accepted' || o.result === 'rangOut'
          ? [{ at: o.endedAt as number, state: (o.result === 'accepted' ? 'Busy' : 'RONA') as AgentState }]
          : [],
      ),
    ...input.agentChanges.filter((c) => c.agent === name).map((c) => ({ ...c, byHand: true })),
  ].sort((a, b) => a.at - b.at || Number('byHand' in a) - Number('byHand' in b));
  let state = start;
  let changedByHand = false;
  for (const h of happenings) {
    const previous = state;
    state = h.state;
    if (!('byHand' in h) || h.state === previous) continue;
    const first = !changedByHand;
    changedByHand = true;
    // An offer made at that very moment is the change's doing (the ACD offers at once).
    const offeredBefore = input.offers.some((o) => o.agent === name && o.at < h.at);
    if (h.state === 'Available' && first && !offeredBefore) {
      delete entry.state;
      entry.availableAfterSeconds = Math.max(0, Math.ceil(input.clock.seconds(h.at)));
      continue;
    }
    notes.push(
      h.state === 'Available'
        ? `${name} was set Available by hand at ${at(h.at)} (from ${previous}); a test agent becomes Available at most once, from the start of the call, so the test leaves this out.`
        : `${name} was set ${h.state} by hand at ${at(h.at)}; a test agent cannot change to ${h.state} during the call, so the test leaves this out.`,
    );
  }
  return notes;
}

/** `ignore` for an agent who let offers ring (or still had one ringing); accepting is the default. */
function offerBehaviour(name: string, offers: readonly OfferOutcome[], entry: ScenarioAgent): string[] {
  const accepted = offers.some((o) => o.result === 'accepted');
  if (!accepted && offers.length > 0) entry.onOffer = 'ignore';
  if (accepted && offers.some((o) => o.result === 'rangOut')) {
    return [
      `${name} let an offer ring and accepted another; a test agent either accepts every offer or lets every one ring, so the test has them accept.`,
    ];
  }
  return [];
}

/**
 * What the agent did on the call: a blind transfer after accepting it is `transferAfterAccept` (once,
 * timed from the moment the call was connected to them); hanging up and editing variables cannot be
 * scripted.
 */
function agentActions(input: RecordedAgents, name: string, entry: ScenarioAgent): string[] {
  const notes: string[] = [];
  const at = (t: number) => callTime(t - input.clock.start);
  for (const log of input.logs) {
    for (const e of log.events('agentHangUp').filter((h) => h.detail.agent === name)) {
      notes.push(
        `${name} hung up on the caller at ${at(e.at)}; a test agent stays on the call, so the test stops once the call is connected to them.`,
      );
    }
    for (const e of log.events('updateVariable').filter((u) => u.detail.agent === name)) {
      notes.push(`${name} changed ${e.detail.name} at ${at(e.at)}; a test agent edits no variables.`);
    }
    const results = log.commands('transferResult').filter((r) => r.detail.agent === name);
    for (const t of log.events('agentTransfer').filter((e) => e.detail.agent === name)) {
      const result = results.find((r) => r.index > t.index);
      const target = Object.values(t.detail.target)[0];
      if (result?.detail.result === 'transferred' && entry.transferAfterAccept === undefined) {
        entry.transferAfterAccept = transferPlan(input, log, t, name);
        continue;
      }
      const why = result?.detail.result === 'refused' ? ` (refused: ${result.detail.reason})` : '';
      notes.push(
        `${name} transferred the call to ${target} by hand at ${at(t.at)}${why}; a test agent transfers once, and only with success, so the test leaves this out.`,
      );
    }
  }
  return notes;
}

function transferPlan(
  input: RecordedAgents,
  log: ContactLog,
  transfer: Logged<Extract<ContactEventBody, { type: 'agentTransfer' }>>,
  name: string,
): NonNullable<ScenarioAgent['transferAfterAccept']> {
  const connected = log
    .commands('bridge')
    .filter((b) => b.detail.agent === name && b.index < transfer.index)
    .at(-1);
  const seconds = connected
    ? Math.ceil(input.clock.seconds(transfer.at) - input.clock.seconds(connected.at))
    : 0;
  return seconds > 0 ? { afterSeconds: seconds, to: transfer.detail.target } : { to: transfer.detail.target };
}
