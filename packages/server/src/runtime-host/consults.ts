import { ownEntry, type Resources } from '@callflow/model';
import { type CallerIdDecision, consultPopover, type PopoverEntry, resolveCallerId } from '@callflow/runtime';
import type { EventBus } from '../ops/event-bus.js';
import type { PublishedVersions } from '../store/published-versions.js';
import type { ContactHost } from './contact-host.js';
import { contactView } from './contact-view.js';

/** A consult an agent holds during a call: with another agent, or with an outside number. */
export interface Consult {
  /** The consulting agent (on the call with the customer). */
  from: string;
  contactId: string;
  to: { agent: string } | { number: string };
  /** `ringing` until the consulted agent accepts; a consult with a number is connected at once. */
  status: 'ringing' | 'connected';
  /** What the consulted agent is shown: agent name, DN and team, then the configured variables. */
  popover: PopoverEntry[];
  /** The caller ID the consult leg presents (consult with a number), by the agents' rule set. */
  callerId: CallerIdDecision | null;
}

export type ConsultAnswer = { ok: true; consult: Consult } | { ok: false; reason: string };

/**
 * Consult calls (docs/domain.md#popover, #transfers): an agent on a call consults another agent or a
 * number while the customer holds, then completes a warm transfer to the consulted party, or cancels.
 * The consulted agent is kept from queue offers while the consult lasts (Busy), and gets back to
 * Available when it is cancelled. The contact knows it is in a consult (recording may not pause).
 * Held in this process only: a restart ends every consult (the call itself goes on).
 */
export class Consults {
  readonly #byAgent = new Map<string, Consult>();

  constructor(
    private readonly host: ContactHost,
    private readonly resources: () => Resources,
    private readonly published: PublishedVersions,
    private readonly events: EventBus,
  ) {}

  /** The consult an agent holds or is asked into. */
  of(agent: string): (Consult & { role: 'consulting' | 'consulted' }) | null {
    const own = this.#byAgent.get(agent);
    if (own) return { ...own, role: 'consulting' };
    for (const c of this.#byAgent.values())
      if ('agent' in c.to && c.to.agent === agent) return { ...c, role: 'consulted' };
    return null;
  }

  start(from: string, to: { agent: string } | { number: string }, agentChoice?: string): ConsultAnswer {
    const acd = this.host.acd;
    const agent = acd.agents.get(from);
    const contactId = agent?.contactId;
    if (!agent || !contactId || agent.offered || agent.state !== 'Busy')
      return { ok: false, reason: `${from} is not on a call` };
    if (this.of(from)) return { ok: false, reason: `${from} is already in a consult` };
    const s = this.host.snapshot(contactId);
    if (!s || s.status !== 'connected') return { ok: false, reason: 'the call is not connected' };
    const resources = this.resources();
    let callerId: CallerIdDecision | null = null;
    if ('agent' in to) {
      const target = acd.agents.get(to.agent);
      if (!ownEntry(resources.agents, to.agent) || !target)
        return { ok: false, reason: `there is no agent "${to.agent}"` };
      if (to.agent === from) return { ok: false, reason: 'an agent cannot consult themselves' };
      if (target.state !== 'Available' || target.offered || target.contactId)
        return {
          ok: false,
          reason: `agent ${to.agent} is ${target.offered ? 'being offered a contact' : target.state}, not Available`,
        };
      if (this.of(to.agent)) return { ok: false, reason: `agent ${to.agent} is in another consult` };
      // Kept from queue offers while consulted.
      acd.setState(to.agent, 'Busy', this.host.clock.now());
    } else {
      callerId = resolveCallerId({
        purpose: 'consult',
        resources,
        dialedNumber: to.number,
        agent: from,
        activeCall: true,
        ...(s.queue ? { queue: s.queue.name } : {}),
        ...(s.callerNumber ? { callerNumber: s.callerNumber } : {}),
        ...(agentChoice ? { agentChoice } : {}),
      });
    }
    const consult: Consult = {
      from,
      contactId,
      to,
      status: 'agent' in to ? 'ringing' : 'connected',
      popover: this.#popover(from, contactId),
      callerId,
    };
    this.#byAgent.set(from, consult);
    this.host.send(contactId, { type: 'consult', active: true });
    this.#publish(consult);
    return { ok: true, consult };
  }

  /** The consulted agent answers. */
  accept(agent: string): ConsultAnswer {
    const c = this.of(agent);
    if (!c || c.role !== 'consulted' || c.status !== 'ringing')
      return { ok: false, reason: `${agent} has no consult request to accept` };
    const consult: Consult = { ...this.#byAgent.get(c.from)!, status: 'connected' };
    this.#byAgent.set(c.from, consult);
    this.#publish(consult);
    return { ok: true, consult };
  }

  /** Either side ends the consult; the customer stays with the consulting agent. */
  cancel(agent: string): ConsultAnswer {
    const c = this.of(agent);
    if (!c) return { ok: false, reason: `${agent} is not in a consult` };
    const consult = this.#byAgent.get(c.from)!;
    this.#end(consult);
    return { ok: true, consult };
  }

  /**
   * Warm transfer: the customer goes to the consulted agent (bridged at once, no new offer) or to the
   * consulted number; the consulting agent goes to wrap-up. Answers the transfer's refusal otherwise.
   */
  complete(agent: string): ConsultAnswer & { transfer?: ReturnType<ContactHost['transfer']> } {
    const consult = this.#byAgent.get(agent);
    if (!consult) return { ok: false, reason: `${agent} holds no consult to complete` };
    if (consult.status !== 'connected')
      return { ok: false, reason: 'the consulted agent has not answered yet' };
    this.#end(consult);
    const target =
      'agent' in consult.to
        ? { agent: consult.to.agent }
        : {
            number: consult.to.number,
            ...(consult.callerId?.rule === 'agentChoice' && consult.callerId.number
              ? { callerId: consult.callerId.number }
              : {}),
          };
    const transfer = this.host.transfer(agent, target);
    if (transfer.result === 'refused') return { ok: false, reason: transfer.reason };
    if ('agent' in consult.to) this.host.accept(consult.to.agent);
    return { ok: true, consult, transfer };
  }

  #end(consult: Consult): void {
    this.#byAgent.delete(consult.from);
    if ('agent' in consult.to) {
      const target = this.host.acd.agents.get(consult.to.agent);
      if (target?.state === 'Busy' && !target.contactId)
        this.host.acd.setState(consult.to.agent, 'Available', this.host.clock.now());
    }
    this.host.send(consult.contactId, { type: 'consult', active: false });
    this.events.publish({ type: 'agent.consult', agent: consult.from, consult: null });
    if ('agent' in consult.to)
      this.events.publish({ type: 'agent.consult', agent: consult.to.agent, consult: null });
  }

  #publish(consult: Consult): void {
    this.events.publish({
      type: 'agent.consult',
      agent: consult.from,
      consult: { ...consult, role: 'consulting' },
    });
    if ('agent' in consult.to)
      this.events.publish({
        type: 'agent.consult',
        agent: consult.to.agent,
        consult: { ...consult, role: 'consulted' },
      });
  }

  /** Agent name, DN and team, then up to 6 of the admin's consult variables (never a secure one). */
  #popover(from: string, contactId: string): PopoverEntry[] {
    const resources = this.resources();
    const agent = ownEntry(resources.agents, from);
    const team = agent?.groups[0];
    const s = this.host.snapshot(contactId);
    const flow = s ? this.published.get(s.flowId, s.version)?.flow : undefined;
    const values = s ? contactView(s, this.published).variables : {};
    return consultPopover(
      {
        agentName: agent?.displayName ?? from,
        agentDn: agent?.phone ?? '',
        team: (team ? ownEntry(resources.agentGroups, team)?.displayName : undefined) ?? team ?? '',
      },
      { variables: flow?.variables ?? {}, popover: resources.account.consultPopover ?? [] },
      values,
    );
  }
}
