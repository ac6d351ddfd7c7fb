import type { Flow, Resources } from '@callflow/model';
import { isContactOver } from '../rules/contact-over.js';
import type { CannedResponse } from '../simulator/http.js';
import { createSimulator, type Simulator } from '../simulator/simulator.js';
import type { NumberBehaviour } from '../simulator/telephony.js';
import type { Command, TraceEntry } from '../types.js';
import type { CallRecord } from './call-record.js';
import { checkExpectations, type ExpectationFailure } from './expectations.js';
import type { DialAnswer, FlowTest, Scenario, ScenarioHttpAnswer } from './flow-test.js';
import { scenarioProblems } from './preflight.js';
import { recordCall } from './record-call.js';

export const DEFAULT_MAX_SECONDS = 3600;

export interface ScenarioInput {
  /** Every flow the call may enter (the flow under test, its modules, queue and whisper flows). */
  flows: readonly Flow[];
  resources: Resources;
  test: Pick<FlowTest, 'flow'>;
  scenario: Scenario;
  /** Seed of the random source when the scenario names none (default 1): the same seed, the same run. */
  seed?: number;
}

export interface ScenarioResult {
  name: string;
  passed: boolean;
  failures: ExpectationFailure[];
  record: CallRecord;
  /** The contact's trace (secure values redacted), for `callflow run` and for reports. */
  trace: TraceEntry[];
  /** Simulated seconds from the start of the call to the end of the run. */
  seconds: number;
}

/**
 * Plays one scenario on the simulator: the call arrives at `call.at`, the caller's steps happen each
 * time the flow waits for the caller (`press`), or as pauses (`wait`) and a hang-up, agents take or
 * ignore offers, dialled numbers and HTTP requests get their canned answers, and the run stops once
 * the call (and any callback it created) has settled or `maxSeconds` of simulated time have passed.
 * Then every expectation is checked against what happened.
 */
export function runScenario(input: ScenarioInput): ScenarioResult {
  const { scenario } = input;
  const entry = input.flows.find((f) => f.id === input.test.flow);
  const problems = scenarioProblems(scenario, entry, input.resources);
  const start = Date.parse(scenario.call.at);
  if (Number.isNaN(start)) return notRun(scenario.name, input.test.flow, problems);
  // Unknown agents are reported above and left out of the simulation.
  const agents = Object.fromEntries(
    Object.entries(scenario.agents ?? {}).filter(([name]) => Object.hasOwn(input.resources.agents, name)),
  );
  const sim = createSimulator({
    flows: input.flows,
    resources: input.resources,
    now: start,
    numbers: dialAnswers(scenario.dial),
    agents: Object.fromEntries(
      Object.entries(agents).map(([name, a]) => [
        name,
        a.availableAfterSeconds !== undefined ? 'Offline' : (a.state ?? 'Available'),
      ]),
    ),
    http: (request) => cannedHttp(scenario.http ?? [], request),
    seed: scenario.seed ?? input.seed ?? 1,
  });
  for (const [name, a] of Object.entries(agents)) {
    if (a.availableAfterSeconds !== undefined) {
      sim.clock.after(a.availableAfterSeconds, () => sim.agent(name).setState('Available'));
    }
  }

  const contactId = sim.startCall({
    flow: input.test.flow,
    from: scenario.call.from,
    to: scenario.call.to,
    ...(scenario.variables ? { variables: scenario.variables } : {}),
  });
  const deadline = start + (scenario.maxSeconds ?? DEFAULT_MAX_SECONDS) * 1000;
  const accepted = new Set<string>();
  const steps = [...(scenario.caller ?? [])];
  let mark = 0;

  const transfers = new AgentTransfers(agents);
  while (sim.now() < deadline) {
    answerOffers(sim, agents, accepted);
    transfers.run(sim);
    const next = steps[0];
    if (next && 'press' in next) {
      const waiting = commandSince(sim, contactId, mark);
      if (waiting !== undefined) {
        steps.shift();
        mark = waiting + 1;
        sim.press(contactId, next.press);
        continue;
      }
    } else if (next && 'speak' in next) {
      // A voicemail message: spoken once the flow records one (its prompt has played).
      const recording = commandSince(sim, contactId, mark, 'recordMessage');
      if (recording !== undefined) {
        steps.shift();
        mark = recording + 1;
        sim.leaveMessage(contactId, next.speak);
        continue;
      }
    } else if (next && 'wait' in next) {
      steps.shift();
      sim.advance(next.wait);
      mark = sim.events.length;
      continue;
    } else if (next && 'hangUp' in next) {
      steps.shift();
      sim.hangUp(contactId);
      continue;
    }
    if (steps.length === 0 && settled(sim, contactId) && !transfers.pending(sim)) break;
    sim.advance(1);
  }

  const record = recordCall(sim, contactId, input.test.flow, declaredDefaults(entry));
  const failures = [...problems, ...checkExpectations(scenario.expect, record)];
  if (steps.length > 0) {
    failures.splice(problems.length, 0, {
      path: `/caller/${(scenario.caller?.length ?? 0) - steps.length}`,
      message: `the caller still had ${steps.length} step(s) left (${JSON.stringify(steps[0])} first) when the call ${record.end ? `ended ${record.end}` : 'reached maxSeconds'}: the flow never waited for it`,
    });
  }
  return {
    name: scenario.name,
    passed: failures.length === 0,
    failures,
    record,
    trace: sim.trace(contactId),
    seconds: Math.round((sim.now() - start) / 1000),
  };
}

/** The result of a scenario that could not be played at all. */
export function notRun(name: string, flow: string, failures: ExpectationFailure[]): ScenarioResult {
  return {
    name,
    passed: false,
    failures,
    record: {
      flow,
      visits: [],
      prompts: [],
      agentPrompts: [],
      logs: [],
      queues: [],
      offers: [],
      dials: [],
      callbacks: [],
      variables: {},
      recording: [],
    },
    trace: [],
    seconds: 0,
  };
}

function declaredDefaults(flow: Flow | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, declaration] of Object.entries(flow?.variables ?? {})) {
    if (declaration.default !== undefined) out[name] = declaration.default;
  }
  return out;
}

/** "*" answers for every number not listed. */
function dialAnswers(dial: Record<string, DialAnswer> | undefined): Record<string, NumberBehaviour> {
  const table: Record<string, NumberBehaviour> = { ...(dial ?? {}) };
  const fallback = table['*'];
  if (fallback === undefined) return table;
  // The simulator looks numbers up by key: a proxy gives the wildcard answer to every other number.
  return new Proxy(table, {
    get: (target, key) => (typeof key === 'string' && key in target ? target[key] : fallback),
  });
}

function cannedHttp(
  canned: readonly ScenarioHttpAnswer[],
  request: Extract<Command, { type: 'httpRequest' }>,
): CannedResponse {
  const found = canned.find((c) => request.url.startsWith(c.url));
  if (!found) return { error: `no canned HTTP answer for ${request.method} ${request.url}` };
  const response: CannedResponse = { status: found.status ?? 200 };
  if (found.body !== undefined) response.body = found.body;
  if (found.delaySeconds !== undefined) response.delaySeconds = found.delaySeconds;
  return response;
}

/** Index in the simulator log of a `type` command (keys, a voicemail) for this call since `from`: the flow waits for it. */
function commandSince(
  sim: Simulator,
  contactId: string,
  from: number,
  type = 'collectDigits',
): number | undefined {
  for (let i = from; i < sim.events.length; i++) {
    const e = sim.events[i];
    if (e?.contactId === contactId && e.direction === 'command' && e.type === type) return i;
  }
  return undefined;
}

function answerOffers(sim: Simulator, agents: Scenario['agents'] & object, accepted: Set<string>): void {
  for (const [name, behaviour] of Object.entries(agents)) {
    if (behaviour.onOffer === 'ignore') continue;
    const offer = sim.agent(name).offer;
    if (offer && !accepted.has(offer.ref)) {
      accepted.add(offer.ref);
      sim.agent(name).accept();
    }
  }
}

/**
 * Agents who transfer the call once they are connected to it (`transferAfterAccept`): each transfers once,
 * `afterSeconds` after the call was first seen connected to them.
 */
class AgentTransfers {
  private readonly since = new Map<string, number>();
  private readonly done = new Set<string>();

  constructor(private readonly agents: Scenario['agents'] & object) {}

  private connectedTo(sim: Simulator, name: string): boolean {
    const contactId = sim.agent(name).contactId;
    const s = contactId ? sim.snapshot(contactId) : undefined;
    return s?.status === 'connected' && s.queue?.agent === name;
  }

  run(sim: Simulator): void {
    for (const [name, behaviour] of Object.entries(this.agents)) {
      const plan = behaviour.transferAfterAccept;
      if (!plan || this.done.has(name) || !this.connectedTo(sim, name)) continue;
      const since = this.since.get(name) ?? sim.now();
      this.since.set(name, since);
      if (sim.now() < since + (plan.afterSeconds ?? 0) * 1000) continue;
      this.done.add(name);
      sim.agent(name).transfer(plan.to);
    }
  }

  /** An agent connected to a call still has to transfer it. */
  pending(sim: Simulator): boolean {
    return Object.entries(this.agents).some(
      ([name, b]) =>
        b.transferAfterAccept !== undefined && !this.done.has(name) && this.connectedTo(sim, name),
    );
  }
}

/** The call is over or with someone, and every callback it created has finished or is connected. */
function settled(sim: Simulator, contactId: string): boolean {
  const done = (id: string) => {
    const s = sim.snapshot(id);
    return s === undefined || isContactOver(s) || s.status === 'connected';
  };
  if (!done(contactId)) return false;
  return sim.contacts().every((id) => id === contactId || done(id));
}
