/**
 * The in-browser simulator without React: it runs the open flow on the runtime's simulator (contact
 * engine, virtual phone network, agents and ACD on a virtual clock), carries out the admin's actions and
 * turns what happened into a {@link SimulationView}. The panel only renders the view and calls actions.
 */
import { emptyResources, type Flow, type Resources } from '@callflow/model';
import {
  type AgentState,
  CallSecrets,
  type ContactSnapshot,
  createSimulator,
  isContactOver,
  REDACTED,
  runScenario,
  type Scenario,
  type Simulator,
  type SimulatorLogEntry,
  scenarioFromCall,
} from '@callflow/runtime';
import type { AgentRow, RecordedScenario, SimulationView } from './call-controller';
import { CallControllerBase } from './call-controller-base';
import { type CallSetup, callSetupProblem, zonedTimeToEpoch } from './call-setup';
import { callbackBlock, requestedCallbacks } from './callback-legs';
import {
  type AgentOffer,
  activeBlock,
  type CallerIdChoice,
  callerIdChoices,
  eventLine,
  type ObservedCommand,
  systemRows,
  type TranscriptLine,
  traceErrors,
  transcriptLines,
  updateOffers,
  type VariableRow,
  variableRows,
  visitedBlocks,
} from './simulation-view';
import { withTraceLogLines } from './trace-log-lines';

/** Longest a prompt may play before the simulator stops playing it through on its own (seconds). */
const MAX_PLAY_THROUGH_SECONDS = 600;
/** Longest "skip to the next event" waits for something to happen (seconds). */
const MAX_SKIP_SECONDS = 3600;

export class SimulationController extends CallControllerBase {
  private sim: Simulator | null = null;
  private contactId: string | null = null;
  /** The flow as it was when the call started: a running call is not changed by later edits. */
  private callFlow: Flow | null = null;
  private secrets = new CallSecrets(() => undefined);
  /** Keys the caller pressed into a secure variable: the transcript shows them masked. */
  private maskedPresses = new WeakSet<SimulatorLogEntry>();
  /** States the admin chose for agents; every new call starts with them (Available otherwise). */
  private agentStates: Record<string, AgentState> = {};
  /** What the call started with, to record it as a test scenario. */
  private callStart: {
    call: { from: string; to: string; at: string };
    agents: Record<string, AgentState>;
    flows: Flow[];
    resources: Resources;
  } | null = null;
  /** Agent states the admin set during the call, with the virtual time. */
  private agentChanges: { agent: string; state: AgentState; at: number }[] = [];

  /** Why a call cannot start with this setup, or undefined. */
  problem(setup: CallSetup): string | undefined {
    return callSetupProblem(setup, this.inputs.flow);
  }

  /** Places a new call (ending any previous one) and plays the flow until it waits for someone. */
  start(setup: CallSetup): void {
    const problem = this.problem(setup);
    if (problem) throw new Error(problem);
    const { flow, flows } = this.inputs;
    const resources = this.inputs.resources ?? emptyResources();
    const agents: Record<string, AgentState> = {};
    for (const name of Object.keys(resources.agents)) agents[name] = this.agentStates[name] ?? 'Available';
    const now = zonedTimeToEpoch(setup.localStart, setup.timeZone) as number;
    const callFlows = Object.values({ ...flows, [flow.id]: flow });
    const sim = createSimulator({ flows: callFlows, resources, now, agents });
    this.callStart = {
      call: { from: setup.from.trim(), to: setup.to.trim(), at: new Date(now).toISOString() },
      agents,
      flows: callFlows,
      resources,
    };
    this.agentChanges = [];
    this.sim = sim;
    this.callFlow = flow;
    this.secrets = new CallSecrets((id) => (id === flow.id ? flow : flows[id]));
    this.contactId = sim.startCall({ flow: flow.id, from: setup.from.trim(), to: setup.to.trim() });
    this.settle();
  }

  /** The caller presses a key on the keypad. */
  press(key: string): void {
    this.act((sim, contactId) => {
      const secret = this.secrets.collecting(sim.snapshot(contactId));
      const from = sim.events.length;
      sim.press(contactId, key);
      const pressed = sim.events.slice(from).find((e) => e.contactId === contactId && e.type === 'digits');
      if (secret && pressed) this.maskedPresses.add(pressed);
    });
  }

  hangUp(): void {
    this.act((sim, contactId) => sim.hangUp(contactId));
  }

  /** The caller leaves a voicemail of `seconds` (the virtual clock moves on by as much). */
  leaveMessage(seconds: number): void {
    this.act((sim, contactId) => sim.leaveMessage(contactId, seconds));
  }

  /** Moves the virtual clock forward: timeouts fire, hold music loops, rings end. */
  advance(seconds: number): void {
    this.act((sim) => sim.advance(seconds));
  }

  /**
   * Moves the clock second by second until something happens to the call, or to a callback it
   * requested (at most an hour).
   */
  skipToNextEvent(): void {
    this.act((sim, contactId) => {
      const count = () => this.followedLog(contactId).length;
      const before = count();
      for (let s = 0; s < MAX_SKIP_SECONDS && count() === before; s++) sim.advance(1);
    });
  }

  accept(agent: string): void {
    this.act((sim) => sim.agent(agent).accept());
  }

  /** The agent lets the offer ring out: the call goes back to the queue and the agent to RONA. */
  ignore(agent: string): void {
    this.act((sim) => sim.agent(agent).ignore());
  }

  /** The agent hangs up the call they are on: the call ends and the agent goes to wrap-up. */
  agentHangUp(agent: string): void {
    this.act((sim) => sim.agent(agent).hangUp());
  }

  setAgentState(agent: string, state: AgentState): void {
    this.agentStates[agent] = state;
    if (!this.sim) {
      this.publish();
      return;
    }
    this.agentChanges.push({ agent, state, at: this.sim.now() });
    this.act((sim) => sim.agent(agent).setState(state));
  }

  /** Forgets the call: the canvas stops showing its path. */
  reset(): void {
    this.sim = null;
    this.callStart = null;
    this.contactId = null;
    this.callFlow = null;
    this.publish();
  }

  /**
   * The call as a scenario for the flow's test file: the caller's keys and waits, the agents, the HTTP
   * answers, and what happened as expectations. Replayed at once on the same flows: `failures` says why
   * it would not pass as recorded (then it must not be saved).
   */
  recordScenario(name: string): RecordedScenario | undefined {
    const { sim, contactId, callStart, callFlow } = this;
    if (!sim || !contactId || !callStart || !callFlow) return undefined;
    const { scenario, notes } = scenarioFromCall({
      sim,
      contactId,
      flow: callFlow.id,
      call: callStart.call,
      agentsAtStart: callStart.agents,
      agentChanges: this.agentChanges,
      name,
    });
    const replay = runScenario({
      flows: callStart.flows,
      resources: callStart.resources,
      test: { flow: callFlow.id },
      scenario,
    });
    return { scenario, notes, failures: replay.failures };
  }

  // -- internals ------------------------------------------------------------------------------------

  protected hasCall(): boolean {
    return this.sim !== null;
  }

  protected currentView(): SimulationView {
    const { sim, contactId } = this;
    return sim && contactId ? this.callView(sim, contactId) : this.idleView();
  }

  /** The contact's trace (secure values are already masked by the runtime). */
  protected traceDocument() {
    const snapshot = this.snapshot();
    if (!snapshot || !this.sim) return undefined;
    return {
      contactId: snapshot.contactId,
      flowId: snapshot.flowId,
      callerNumber: snapshot.callerNumber ?? null,
      dialedNumber: snapshot.dialedNumber,
      startedAt: new Date(snapshot.startedAt).toISOString(),
      status: snapshot.status,
      endReason: snapshot.endReason ?? null,
      trace: this.sim.trace(snapshot.contactId),
    };
  }

  private act(action: (sim: Simulator, contactId: string) => void): void {
    const { sim, contactId } = this;
    if (!sim || !contactId) return;
    action(sim, contactId);
    this.settle();
  }

  /**
   * Lets prompts play to their end (the virtual clock moves while they do), so the admin sees the flow
   * reach the point where it waits for the caller, an agent, a timer or the network, then publishes.
   */
  private settle(): void {
    const { sim, contactId } = this;
    if (!sim || !contactId) return;
    const playing = () => this.followed(contactId).some((id) => this.promptPlaying(id));
    for (let s = 0; s < MAX_PLAY_THROUGH_SECONDS && playing(); s++) sim.advance(1);
    this.publish();
  }

  private logOf(contactId: string): SimulatorLogEntry[] {
    return this.sim?.events.filter((e) => e.contactId === contactId) ?? [];
  }

  /** The call and the callbacks it requested: followed together, past the caller's hang-up. */
  private followed(contactId: string): string[] {
    return [contactId, ...requestedCallbacks(this.logOf(contactId))];
  }

  /** The log entries of the call and of its callbacks, in the order they happened. */
  private followedLog(contactId: string): SimulatorLogEntry[] {
    const ids = new Set(this.followed(contactId));
    return this.sim?.events.filter((e) => ids.has(e.contactId)) ?? [];
  }

  /** A prompt (not hold music) is playing and has not finished yet, or a text message awaits its answer. */
  private promptPlaying(contactId: string): boolean {
    const snapshot = this.sim?.snapshot(contactId);
    if (!snapshot || isContactOver(snapshot)) return false;
    const playing = new Set<string>();
    for (const entry of this.logOf(contactId)) {
      const detail = entry.detail as { ref?: string; loop?: boolean } | undefined;
      // A text message is answered by the provider at once: the flow goes on past it like past a prompt.
      const answered = (entry.type === 'play' && !detail?.loop) || entry.type === 'sendMessage';
      if (entry.direction === 'command' && answered && detail?.ref) {
        playing.add(detail.ref);
      } else if (
        entry.direction === 'event' &&
        (entry.type === 'promptDone' || entry.type === 'messageResult') &&
        detail?.ref
      ) {
        playing.delete(detail.ref);
      } else if (entry.direction === 'event' && entry.type === 'adapterError' && detail?.ref) {
        playing.delete(detail.ref);
      }
    }
    return playing.size > 0;
  }

  private snapshot(): ContactSnapshot | undefined {
    return this.sim && this.contactId ? this.sim.snapshot(this.contactId) : undefined;
  }

  private agentRows(sim: Simulator | null): AgentRow[] {
    const resources = this.inputs.resources ?? emptyResources();
    return Object.entries(resources.agents).map(([name, agent]) => {
      const live = sim?.acd.agents.get(name);
      return {
        name,
        displayName: agent.displayName,
        groups: agent.groups,
        state: live?.state ?? this.agentStates[name] ?? 'Available',
        onCall: live?.state === 'Busy' && live.contactId !== undefined && !live.offered,
      };
    });
  }

  private idleView(): SimulationView {
    return {
      phase: 'idle',
      contactId: null,
      status: null,
      endReason: null,
      clock: Date.now(),
      nextTimerAt: null,
      canPress: false,
      transcript: [],
      variables: variableRows(this.inputs.flow, {}),
      system: [],
      offers: [],
      callerIds: [],
      agents: this.agentRows(null),
      errors: [],
      activeBlockId: null,
      visitedBlockIds: [],
    };
  }

  private callView(sim: Simulator, contactId: string): SimulationView {
    const snapshot = sim.snapshot(contactId);
    const flow = this.callFlow ?? this.inputs.flow;
    if (!snapshot) return this.idleView();
    this.secrets.remember(snapshot);
    const mask = (line: TranscriptLine): TranscriptLine => ({
      ...line,
      text: this.secrets.mask(line.text),
    });
    const transcript: TranscriptLine[] = [];
    let offers: AgentOffer[] = [];
    for (const entry of this.followedLog(contactId)) {
      // A callback's lines are marked as such: the caller has hung up, the callback goes on.
      const leg = (line: TranscriptLine): TranscriptLine =>
        entry.contactId === contactId ? mask(line) : { ...mask(line), leg: 'callback' };
      if (entry.direction === 'command') {
        const command = entry.detail as ObservedCommand;
        transcript.push(...transcriptLines([command], entry.at).map(leg));
        offers = updateOffers(offers, [command]);
      } else if (entry.direction === 'event') {
        const line = this.maskedPresses.has(entry)
          ? { at: entry.at, kind: 'caller' as const, text: `Pressed ${REDACTED}` }
          : eventLine(entry);
        if (line) transcript.push(leg(line));
      }
    }
    // The whole trace: the snapshot itself keeps only its newest entries.
    const trace = sim.trace(contactId);
    const callbacks = requestedCallbacks(this.logOf(contactId)).flatMap((id) => {
      const callback = sim.snapshot(id);
      return callback ? [{ id, snapshot: callback, trace: sim.trace(id) }] : [];
    });
    const ended = isContactOver(snapshot);
    const waitingCallback = callbacks.find((c) => !isContactOver(c.snapshot));
    const lastCallback = callbacks.at(-1);
    const timers = [snapshot, ...callbacks.map((c) => c.snapshot)].flatMap((s) => s.timers.map((t) => t.at));
    return {
      phase: ended && !waitingCallback ? 'ended' : 'running',
      contactId,
      status: ended && waitingCallback ? `callback ${waitingCallback.snapshot.status}` : snapshot.status,
      endReason:
        (ended && lastCallback ? `callback ${lastCallback.snapshot.endReason ?? 'ended'}` : null) ??
        snapshot.endReason ??
        null,
      clock: sim.now(),
      nextTimerAt: timers.length > 0 ? Math.min(...timers) : null,
      canPress: !ended,
      transcript: withTraceLogLines(transcript, trace).map(mask),
      // A copy of a secure value in another variable, or in `$lastDigits`, stays masked.
      variables: variableRows(flow, snapshot.variables).map((row) => ({
        ...row,
        value: this.secrets.mask(row.value),
      })),
      system: systemRows(snapshot.system).map((row) => ({ ...row, value: this.secrets.mask(row.value) })),
      offers,
      callerIds: [
        ...callerIdChoices(trace),
        ...callbacks.flatMap((c) => callerIdChoices(c.trace, { contactId: c.id, kind: 'callback' })),
      ],
      agents: this.agentRows(sim),
      errors: [...traceErrors(trace), ...callbacks.flatMap((c) => traceErrors(c.trace))],
      // After the caller hung up, the block that requested the callback stays current while it goes on.
      activeBlockId:
        activeBlock(snapshot, flow.id) ?? (ended && waitingCallback ? callbackBlock(trace, flow.id) : null),
      visitedBlockIds: visitedBlocks(trace, flow.id),
      recordingMessage: !ended && snapshot.stack.at(-1)?.wait?.phase === 'record',
    };
  }
}
