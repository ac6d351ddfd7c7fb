/**
 * The simulator on the service: places a call on the open flow's live version through the API, carries
 * out the admin's actions there (keys, hang-up, agents), and follows the call as the service runs it on
 * its own clock. Same view and actions as the in-browser {@link SimulationController}; timers fire by
 * themselves, so there is no clock to move.
 */
import type { Flow } from '@callflow/model';
import { type AgentState, isContactOver } from '@callflow/runtime';
import { ApiError } from '../api/request';
import {
  type CallerAction,
  type ServiceAgent,
  type ServiceCalls,
  type ServiceContact,
  type ServiceLogEntry,
  type ServiceTraceEntry,
  serviceCalls,
} from '../api/service-calls';
import { onServerEvent, type ServerEventListener } from '../app/server-events';
import type { SimulationInputs, SimulationView } from './call-controller';
import { CallControllerBase } from './call-controller-base';
import { type CallSetup, callSetupProblem } from './call-setup';
import { serviceCallView } from './service-view';

export interface ServiceCallOptions {
  calls?: ServiceCalls;
  /** The published version a call runs (for its variables' labels and masks). */
  versionOf?: (flowId: string, version: number) => Promise<Flow>;
  /** Live events of the service; the call is also polled while it runs, in case the stream is down. */
  events?: (listener: ServerEventListener) => () => void;
  pollMs?: number;
  now?: () => number;
}

const POLL_MS = 1000;

/** What an API failure means to the admin trying a call. */
export function serviceErrorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'flow_not_published')
      return 'This flow has no live version on the service: publish it first (the service runs published versions only).';
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

export class ServiceCallController extends CallControllerBase {
  private readonly calls: ServiceCalls;
  private readonly versionOf: (flowId: string, version: number) => Promise<Flow>;
  private readonly now: () => number;
  private readonly pollMs: number;

  private contactId: string | null = null;
  private flow: Pick<Flow, 'id' | 'variables'> | null = null;
  private contact: ServiceContact | null = null;
  private trace: ServiceTraceEntry[] = [];
  private log: ServiceLogEntry[] = [];
  /** The service's name for the log read so far: another one means the service restarted. */
  private logId: string | null = null;
  /** Where in `log` a new log of the service began (it restarted during the call). */
  private restarts: number[] = [];
  private truncated = false;
  private agents: ServiceAgent[] = [];
  private errors: string[] = [];
  /** Every action runs after the previous one: keys reach the service in the order pressed. */
  private queue: Promise<void> = Promise.resolve();
  /** Bumped by start and reset: answers about an older call are dropped. */
  private generation = 0;
  private refreshing: Promise<void> | null = null;
  private refreshAgain = false;
  private poll: ReturnType<typeof setInterval> | undefined;
  /** The panel shows this mode: live events are followed. */
  private active = false;
  private stopEvents: (() => void) | undefined;

  constructor(inputs: SimulationInputs, options: ServiceCallOptions = {}) {
    super(inputs);
    this.calls = options.calls ?? serviceCalls;
    this.versionOf = options.versionOf ?? defaultVersionOf;
    this.now = options.now ?? Date.now;
    this.pollMs = options.pollMs ?? POLL_MS;
    this.stopEvents = (options.events ?? onServerEvent)((type, data) => this.onEvent(type, data));
  }

  /** Why a call cannot be placed with this setup (the time is the service's own: not asked). */
  problem(setup: CallSetup): string | undefined {
    return callSetupProblem(setup, this.inputs.flow, { time: false });
  }

  /** The panel shows this mode: load the service's agents and follow the call again, if one runs. */
  activate(): void {
    this.active = true;
    if (this.running()) this.startPolling();
    void this.refresh();
  }

  /** The panel shows the other mode: stop following the service (a running call goes on there). */
  deactivate(): void {
    this.active = false;
    this.stopPolling();
  }

  start(setup: CallSetup): void {
    const problem = this.problem(setup);
    if (problem) throw new Error(problem);
    this.endRunningCall();
    this.clear();
    const generation = this.generation;
    const flow = this.inputs.flow;
    this.enqueue(async () => {
      // The answer names the contact and its version only; its state comes with the first refresh.
      const started = await this.calls.startCall(flow.id, setup.from.trim(), setup.to.trim());
      if (generation !== this.generation) return;
      this.contactId = started.contactId;
      this.flow = await this.versionOf(flow.id, started.version).catch(() => flow);
      this.startPolling();
      await this.refresh();
    });
  }

  press(key: string): void {
    this.callerAction({ type: 'digits', digits: key });
  }

  hangUp(): void {
    this.callerAction({ type: 'hangUp' });
  }

  /** The service runs on its own clock: there is nothing to move. */
  advance(_seconds: number): void {}

  skipToNextEvent(): void {}

  accept(agent: string): void {
    this.agentAction(() => this.calls.accept(agent));
  }

  /** The agent declines the offer: it goes back to the queue, the agent to RONA. */
  ignore(agent: string): void {
    this.agentAction(() => this.calls.reject(agent));
  }

  agentHangUp(agent: string): void {
    this.agentAction(() => this.calls.agentHangUp(agent));
  }

  setAgentState(agent: string, state: AgentState): void {
    this.agentAction(() => this.calls.setAgentState(agent, state));
  }

  /** Forgets the call; one still running on the service is hung up there, so it holds no agent or line. */
  reset(): void {
    this.endRunningCall();
    this.clear();
    this.publish();
  }

  /** Stops following the service (the panel switched back to the browser). */
  dispose(): void {
    this.clear();
    this.stopEvents?.();
    this.stopEvents = undefined;
  }

  /** Settles once every action asked for so far has been answered and shown (for tests). */
  async idle(): Promise<void> {
    await this.queue;
    while (this.refreshing) await this.refreshing;
  }

  // -- internals ------------------------------------------------------------------------------------

  private callerAction(action: CallerAction): void {
    // Read when the action's turn comes: a key pressed right after Start waits for the call to exist.
    this.enqueue(async () => {
      const { contactId } = this;
      if (!contactId) return;
      await this.calls.send(contactId, action);
      await this.refresh();
    });
  }

  private agentAction(action: () => Promise<unknown>): void {
    this.enqueue(async () => {
      await action();
      await this.refresh();
    });
  }

  private enqueue(work: () => Promise<void>): void {
    const generation = this.generation;
    this.queue = this.queue.then(async () => {
      try {
        await work();
      } catch (error) {
        if (generation !== this.generation) return;
        this.errors = [...this.errors, serviceErrorText(error)];
      }
      this.publish();
    });
  }

  private running(): boolean {
    return this.contact !== null && !isContactOver(this.contact);
  }

  /** The caller of the call being left hangs up (fire and forget: it may have ended meanwhile). */
  private endRunningCall(): void {
    const { contactId } = this;
    if (contactId && this.running()) void this.calls.send(contactId, { type: 'hangUp' }).catch(() => {});
  }

  private onEvent(type: string, data: Record<string, unknown>): void {
    if (!this.active) return;
    const mine = this.contactId !== null && data.contactId === this.contactId;
    if ((type.startsWith('contact.') && mine) || type.startsWith('agent.')) void this.refresh();
  }

  /** Reads everything again; one read at a time, and one more if asked for during it. */
  private refresh(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    const run = async () => {
      do {
        this.refreshAgain = false;
        await this.readOnce();
      } while (this.refreshAgain);
    };
    this.refreshing = run().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async readOnce(): Promise<void> {
    const generation = this.generation;
    const { contactId } = this;
    try {
      const after = this.logId === null ? 0 : (this.log.at(-1)?.seq ?? 0);
      const [agents, contact, trace, log] = await Promise.all([
        this.calls.agents(),
        contactId ? this.calls.contact(contactId) : Promise.resolve(null),
        contactId ? this.calls.trace(contactId) : Promise.resolve(null),
        contactId ? this.calls.log(contactId, after) : Promise.resolve(null),
      ]);
      if (generation !== this.generation) return;
      this.agents = agents;
      if (contact) this.contact = contact;
      if (trace) this.trace = trace;
      if (log?.logId && log.logId !== this.logId) {
        // A new log (the service restarted and the call went on): its seq counts from 1 again.
        const fresh = this.logId === null ? log : await this.calls.log(contactId as string, 0);
        if (generation !== this.generation) return;
        if (this.logId !== null) this.restarts = [...this.restarts, this.log.length];
        this.logId = fresh.logId;
        this.log = [...this.log, ...fresh.entries];
        this.truncated ||= fresh.truncated;
      } else if (log) {
        this.log = [...this.log, ...log.entries.filter((e) => e.seq > after)];
        this.truncated ||= log.truncated;
      }
      if (!this.running()) this.stopPolling();
    } catch (error) {
      if (generation !== this.generation) return;
      const text = serviceErrorText(error);
      if (!this.errors.includes(text)) this.errors = [...this.errors, text];
    }
    this.publish();
  }

  private startPolling(): void {
    this.stopPolling();
    this.poll = setInterval(() => void this.refresh(), this.pollMs);
  }

  private stopPolling(): void {
    clearInterval(this.poll);
    this.poll = undefined;
  }

  private clear(): void {
    this.generation += 1;
    this.stopPolling();
    this.contactId = null;
    this.contact = null;
    this.flow = null;
    this.trace = [];
    this.log = [];
    this.logId = null;
    this.restarts = [];
    this.truncated = false;
    this.errors = [];
  }

  protected hasCall(): boolean {
    return this.contactId !== null;
  }

  protected traceDocument() {
    const { contact } = this;
    if (!contact) return undefined;
    return {
      contactId: contact.contactId,
      flowId: contact.flowId,
      version: contact.version,
      callerNumber: contact.callerNumber,
      dialedNumber: contact.dialedNumber,
      startedAt: contact.startedAt,
      status: contact.status,
      endReason: contact.endReason,
      trace: this.trace,
    };
  }

  protected currentView(): SimulationView {
    return serviceCallView({
      flow: this.flow ?? this.inputs.flow,
      contact: this.contact,
      trace: this.trace,
      log: this.log,
      restarts: this.restarts,
      truncated: this.truncated,
      agents: this.agents,
      errors: this.errors,
      now: this.now(),
    });
  }
}

async function defaultVersionOf(flowId: string, version: number): Promise<Flow> {
  const { api } = await import('../api/client');
  const body = await api.version(flowId, version);
  return 'flow' in body && typeof body.flow === 'object' ? (body.flow as Flow) : (body as Flow);
}
