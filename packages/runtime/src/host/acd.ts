import type { Resources } from '@callflow/model';
import { RuntimeError } from '../errors/runtime-errors.js';
import type { QueueFigures, QueueStatus } from '../types.js';

export type AgentState = 'Available' | 'Busy' | 'RONA' | 'WrapUp' | 'Offline';

export interface SimulatedAgent {
  name: string;
  groups: string[];
  state: AgentState;
  /** When the agent last became Available (longest idle is offered first). */
  idleSince: number;
  /** The contact offered to (or being handled by) this agent. */
  contactId?: string;
  offered: boolean;
}

interface Entry {
  contactId: string;
  queue: string;
  agentGroup: string;
  enqueuedAt: number;
  seq: number;
  kind: 'call' | 'callback';
  offeredTo?: string;
  /** The agent whose transfer put the contact here: passed over while another agent can take it. */
  exclude?: string[];
  /** Set routing priority: higher first, in any queue. */
  priority: number;
  /** `enqueuedAt` less the queue time credited: the place among contacts of the same priority. */
  place: number;
}

/** How a contact is ordered among the waiting (Set routing priority); absent fields are 0. */
export interface EntryRouting {
  priority?: number;
  creditSeconds?: number;
}

/**
 * A simple automatic call distributor: contacts wait in queues ordered by routing priority, then by
 * their place (`enqueuedAt`, earlier by any queue time credited); an Available agent gets the first
 * contact of any queue of their groups, and the agent idle longest goes first. Offers are made by
 * telling the contact `agentAvailable`.
 */
export class SimpleAcd implements QueueFigures {
  readonly agents = new Map<string, SimulatedAgent>();
  private entries: Entry[] = [];
  private seq = 0;

  private readonly queueGroups: Record<string, string> = {};

  private groupOf(queue: string): string | undefined {
    return this.queueGroups[queue];
  }

  constructor(
    resources: Resources,
    now: number,
    initial: Record<string, AgentState> = {},
    private averageHandleSeconds = 180,
  ) {
    for (const [name, q] of Object.entries(resources.queues)) this.queueGroups[name] = q.agentGroup;
    for (const [name, agent] of Object.entries(resources.agents)) {
      this.agents.set(name, {
        name,
        groups: agent.groups,
        state: initial[name] ?? 'Offline',
        idleSince: now,
        offered: false,
      });
    }
  }

  enqueue(
    contactId: string,
    queue: string,
    agentGroup: string,
    enqueuedAt: number,
    kind: 'call' | 'callback',
    exclude?: readonly string[],
    routing: EntryRouting = {},
  ): void {
    this.entries = this.entries.filter((e) => e.contactId !== contactId);
    const entry: Entry = {
      contactId,
      queue,
      agentGroup,
      enqueuedAt,
      seq: this.seq++,
      kind,
      priority: routing.priority ?? 0,
      place: enqueuedAt - (routing.creditSeconds ?? 0) * 1000,
    };
    if (exclude?.length) entry.exclude = [...exclude];
    this.entries.push(entry);
    // Higher priority first, across queues; then the longest wait counting credited queue time.
    this.entries.sort((a, b) => b.priority - a.priority || a.place - b.place || a.seq - b.seq);
  }

  dequeue(contactId: string): void {
    this.entries = this.entries.filter((e) => e.contactId !== contactId);
  }

  isQueued(contactId: string): boolean {
    return this.entries.some((e) => e.contactId === contactId);
  }

  /**
   * Callbacks passed over by the last `match`: their turn came but the center had no free line. They
   * keep their place in the queue.
   */
  held = new Set<string>();

  /**
   * Pairs of (agent, contact) to offer now, reserving both until the offer is made or dropped.
   * `freeLines`: outbound calls the center may still place (maximum concurrent calls); each callback
   * offered takes one, and a callback whose turn comes without one waits (see `held`).
   */
  match(freeLines = Number.POSITIVE_INFINITY): { agent: string; contactId: string }[] {
    this.held = new Set();
    let lines = freeLines;
    const free = [...this.agents.values()]
      .filter((a) => a.state === 'Available' && !a.offered && a.contactId === undefined)
      .sort((a, b) => a.idleSince - b.idleSince || a.name.localeCompare(b.name));
    const pairs: { agent: string; contactId: string }[] = [];
    // The agent who transferred a contact to the queue is passed over while another agent can take it
    // (docs/domain.md#transfers), but the contact never waits for that: a first pass matches every free agent with
    // contacts that do not exclude them; agents still free then take what is left, excluded or not.
    for (const passOver of [true, false]) {
      for (const agent of free) {
        if (agent.offered) continue;
        const entry = this.entries.find(
          (e) =>
            e.offeredTo === undefined &&
            agent.groups.includes(e.agentGroup) &&
            !(passOver && e.exclude?.includes(agent.name)) &&
            this.hasLine(e, lines),
        );
        if (!entry) continue;
        if (entry.kind === 'callback') lines -= 1;
        entry.offeredTo = agent.name;
        agent.offered = true;
        agent.contactId = entry.contactId;
        pairs.push({ agent: agent.name, contactId: entry.contactId });
      }
    }
    return pairs;
  }

  /** Calls are already on the line; a callback needs a free one, else it is held where it stands. */
  private hasLine(entry: Entry, lines: number): boolean {
    if (entry.kind === 'call' || lines > 0) return true;
    this.held.add(entry.contactId);
    return false;
  }

  /** A contact offered straight to an agent (an agent's transfer): reserve the agent for it. */
  reserve(agentName: string, contactId: string): void {
    const agent = this.agents.get(agentName);
    if (!agent || agent.contactId === contactId) return;
    agent.offered = true;
    agent.contactId = contactId;
  }

  /**
   * An offer made before a restart: the agent and the contact's place in the queue are reserved for
   * each other again, so neither is matched elsewhere. False when the agent is unknown or on another
   * contact.
   */
  restoreOffer(agentName: string, contactId: string): boolean {
    const agent = this.agents.get(agentName);
    if (!agent || (agent.contactId !== undefined && agent.contactId !== contactId)) return false;
    agent.offered = true;
    agent.contactId = contactId;
    const entry = this.entries.find((e) => e.contactId === contactId);
    if (entry) entry.offeredTo = agentName;
    return true;
  }

  /** For transfers to an agent: the state, and whether the agent has no offer or contact now. */
  agentStatus(agentName: string): { state: AgentState; free: boolean } | undefined {
    const agent = this.agents.get(agentName);
    if (!agent) return undefined;
    return { state: agent.state, free: !agent.offered && agent.contactId === undefined };
  }

  /** The contact did not make the offer after all (it left the queue meanwhile): free both. */
  unreserve(agentName: string, contactId: string): void {
    const agent = this.agents.get(agentName);
    if (agent && agent.contactId === contactId) {
      agent.offered = false;
      delete agent.contactId;
    }
    for (const e of this.entries)
      if (e.contactId === contactId && e.offeredTo === agentName) delete e.offeredTo;
  }

  /** The offer ended without acceptance; with `rona` the agent must go Available again by hand. */
  offerWithdrawn(agentName: string, contactId: string, rona: boolean, now: number): void {
    this.unreserve(agentName, contactId);
    const agent = this.agents.get(agentName);
    if (agent && rona) this.setState(agentName, 'RONA', now);
  }

  accepted(agentName: string, contactId: string): void {
    const agent = this.agents.get(agentName);
    if (!agent) return;
    agent.offered = false;
    agent.contactId = contactId;
    agent.state = 'Busy';
    this.dequeue(contactId);
  }

  /** The agent's call ended: wrap-up. */
  released(agentName: string): void {
    const agent = this.agents.get(agentName);
    if (!agent) return;
    agent.offered = false;
    delete agent.contactId;
    if (agent.state === 'Busy') agent.state = 'WrapUp';
  }

  setState(agentName: string, state: AgentState, now: number): void {
    const agent = this.agents.get(agentName);
    if (!agent) throw new RuntimeError('SIM001', `No agent "${agentName}" in resources.agents.`);
    if (state === 'Available' && agent.state !== 'Available') agent.idleSince = now;
    agent.state = state;
    if (state !== 'Available' && state !== 'Busy') {
      agent.offered = false;
      delete agent.contactId;
    }
  }

  size(queue: string): number {
    return this.entries.filter((e) => e.queue === queue).length;
  }

  position(queue: string, contactId: string): number {
    const index = this.entries.filter((e) => e.queue === queue).findIndex((e) => e.contactId === contactId);
    return index + 1;
  }

  estimatedWaitSeconds(queue: string, contactId: string): number {
    // A contact not in the queue yet (its enqueue is being applied) would join at the end.
    const position = this.position(queue, contactId) || this.size(queue) + 1;
    const group = this.entries.find((e) => e.queue === queue)?.agentGroup ?? this.groupOf(queue);
    const staffed = [...this.agents.values()].filter(
      (a) => a.state !== 'Offline' && group && a.groups.includes(group),
    ).length;
    return Math.ceil((position * this.averageHandleSeconds) / Math.max(1, staffed));
  }

  status(queue: string, now: number): QueueStatus {
    const group = this.groupOf(queue);
    const agents = [...this.agents.values()].filter((a) => group !== undefined && a.groups.includes(group));
    const waiting = this.entries.filter((e) => e.queue === queue);
    const oldest = Math.min(...waiting.map((e) => e.enqueuedAt));
    return {
      agentsOnline: agents.filter((a) => a.state !== 'Offline').length,
      // Working the queue: taking calls or finishing one (RONA is an agent who missed an offer).
      agentsStaffed: agents.filter(
        (a) => a.state === 'Available' || a.state === 'Busy' || a.state === 'WrapUp',
      ).length,
      agentsAvailable: agents.filter(
        (a) => a.state === 'Available' && !a.offered && a.contactId === undefined,
      ).length,
      contactsInQueue: waiting.length,
      oldestContactAgeSeconds: waiting.length ? Math.max(0, Math.floor((now - oldest) / 1000)) : 0,
      // No contact id: the estimator places a contact it does not hold at the end of the line.
      estimatedWaitSeconds: this.estimatedWaitSeconds(queue, ''),
    };
  }

  queued(
    queue?: string,
  ): { contactId: string; queue: string; kind: 'call' | 'callback'; enqueuedAt: number }[] {
    return this.entries
      .filter((e) => queue === undefined || e.queue === queue)
      .map(({ contactId, queue: q, kind, enqueuedAt }) => ({ contactId, queue: q, kind, enqueuedAt }));
  }
}
