import { ownEntry, type Resources } from '@callflow/model';
import {
  type CallerIdOutcome,
  type CONSULT_LEG_ENDED,
  CONSULT_PARTY_GONE,
  type ConsultLegCommand,
  consultPopover,
  isContactOver,
  type PopoverEntry,
  type TransferAnswer,
} from '@callflow/runtime';
import type { EventBus } from '../ops/event-bus.js';
import type { PublishedVersions } from '../store/published-versions.js';
import type { StoredConsult } from './agent-desk.js';
import type { ContactHost } from './contact-host.js';
import { contactView } from './contact-view.js';

/** A consult an agent holds during a call: with another agent, or with an outside number. */
export interface Consult extends StoredConsult {
  /** What the consulted agent is shown: agent name, DN and team, then the configured variables. */
  popover: PopoverEntry[];
}

/** Why the service ended a consult by itself: a code of the runtime's catalogue and the sentence. */
export interface ConsultEnded {
  code: typeof CONSULT_PARTY_GONE | typeof CONSULT_LEG_ENDED;
  reason: string;
}

export type ConsultAnswer = { ok: true; consult: Consult } | { ok: false; reason: string };

/**
 * Consult calls (docs/domain.md#popover, #transfers): an agent on a call consults another agent or a
 * number while the customer holds, then completes a warm transfer to the consulted party, or cancels.
 * The consulted agent is kept from queue offers while the consult lasts (Busy), and gets back to
 * Available when it is cancelled. The contact knows it is in a consult (recording may not pause).
 * Every change is written to the store before it is told (write-through); a start reads them back, so a
 * restart or a crash shows the same consults. A consult whose other party is gone (an agent Offline or
 * no longer in the resources, the call gone from the store, or ended with the consulting agent moved
 * on) is ended by the service with the code RT107, never left forever.
 */
export class Consults {
  readonly #byAgent = new Map<string, Consult>();

  constructor(
    private readonly host: ContactHost,
    private readonly resources: () => Resources,
    private readonly published: PublishedVersions,
    private readonly events: EventBus,
  ) {}

  /** Reads the consults the store holds (a start): each shown again, or ended when it is stale. */
  restore(): { consults: number; ended: number } {
    this.#byAgent.clear();
    for (const stored of this.host.repository.consults()) {
      this.#byAgent.set(stored.from, { ...stored, popover: this.#popover(stored.from, stored.contactId) });
      // Kept from queue offers while consulted, whatever state the store had for the agent.
      const target = 'agent' in stored.to ? this.host.acd.agents.get(stored.to.agent) : undefined;
      if (target && target.state === 'Available' && !target.contactId && !target.offered)
        this.#setState(target.name, 'Busy');
    }
    const ended = this.sweep();
    return { consults: this.#byAgent.size, ended };
  }

  /** Ends every consult whose other party is gone, with the code and why; how many. */
  sweep(): number {
    let ended = 0;
    for (const consult of [...this.#byAgent.values()]) {
      const why = this.#gone(consult);
      if (why === undefined) continue;
      this.#end(consult, { code: CONSULT_PARTY_GONE, reason: why });
      ended += 1;
    }
    return ended;
  }

  /** Why the consult cannot go on (a party is gone), or undefined. */
  #gone(c: StoredConsult): string | undefined {
    const resources = this.resources();
    const away = (name: string, role: string): string | undefined => {
      const agent = this.host.acd.agents.get(name);
      if (!agent || !ownEntry(resources.agents, name))
        return `the ${role} agent ${name} is no longer in the resources`;
      if (agent.state === 'Offline') return `the ${role} agent ${name} went Offline`;
      return undefined;
    };
    const fromGone = away(c.from, 'consulting');
    if (fromGone) return fromGone;
    if ('agent' in c.to) {
      const toGone = away(c.to.agent, 'consulted');
      if (toGone) return toGone;
    }
    const s = this.host.snapshot(c.contactId);
    if (!s) return `the call ${c.contactId} is no longer known`;
    if ('number' in c.to && !isContactOver(s) && s.consultLeg?.number !== c.to.number)
      return `the consult leg to ${c.to.number} is over`;
    const from = this.host.acd.agents.get(c.from);
    if (isContactOver(s) && from?.state !== 'WrapUp' && from?.contactId !== c.contactId)
      return `the call ${c.contactId} ended and ${c.from} has moved on`;
    return undefined;
  }

  /** The consult an agent holds or is asked into. */
  of(agent: string): (Consult & { role: 'consulting' | 'consulted' }) | null {
    this.sweep();
    const own = this.#byAgent.get(agent);
    if (own) return { ...own, role: 'consulting' };
    for (const c of this.#byAgent.values())
      if ('agent' in c.to && c.to.agent === agent) return { ...c, role: 'consulted' };
    return null;
  }

  /**
   * The customer's contact a consulted agent sees once they answered: both agents then read its data
   * and may edit it (the first save wins), until the consult ends or the transfer completes.
   */
  consultedContact(agent: string): string | undefined {
    const c = this.of(agent);
    return c?.role === 'consulted' && c.status === 'connected' ? c.contactId : undefined;
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
    let callerId: CallerIdOutcome | null = null;
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
    } else {
      // The engine dials the leg with the caller ID of the agents' rule set (its trace says why).
      const placed = this.host.consultNumber(from, {
        type: 'agentConsultDial',
        agent: from,
        number: to.number,
        ...(agentChoice ? { agentChoice } : {}),
      });
      if (!placed.ok) return { ok: false, reason: placed.reason };
      const leg = placed.commands.find((c): c is ConsultLegCommand => c.type === 'consultLeg');
      callerId = leg?.callerId ?? null;
    }
    const consult: Consult = {
      from,
      contactId,
      to,
      status: 'ringing',
      popover: this.#popover(from, contactId),
      callerId,
      startedAt: this.host.clock.now(),
    };
    this.#save(consult);
    // Kept from queue offers while consulted (the state is stored: a restart keeps it).
    if ('agent' in to) {
      this.#setState(to.agent, 'Busy');
      this.host.send(contactId, { type: 'consult', active: true });
    }
    this.#publish(consult);
    return { ok: true, consult };
  }

  /** The consulted agent answers. */
  accept(agent: string): ConsultAnswer {
    const c = this.of(agent);
    if (!c || c.role !== 'consulted' || c.status !== 'ringing')
      return { ok: false, reason: `${agent} has no consult request to accept` };
    const consult: Consult = { ...this.#byAgent.get(c.from)!, status: 'connected' };
    this.#save(consult);
    this.#publish(consult);
    return { ok: true, consult };
  }

  /** Either side ends the consult; the customer stays with the consulting agent. */
  cancel(agent: string): ConsultAnswer {
    const c = this.of(agent);
    if (!c) return { ok: false, reason: `${agent} is not in a consult` };
    const consult = this.#byAgent.get(c.from)!;
    this.#end(consult, undefined, true);
    // The leg to a number is hung up; the customer's hold ends and the agent is back with them.
    if ('number' in consult.to)
      this.host.consultNumber(consult.from, { type: 'agentConsultEnd', agent: consult.from });
    return { ok: true, consult };
  }

  /** The engine's news of a consult leg to a number: answered, or over by itself (RT108). */
  legChanged(contactId: string, leg: ConsultLegCommand): void {
    const consult = this.#byAgent.get(leg.agent);
    if (!consult || consult.contactId !== contactId || !('number' in consult.to)) return;
    if (leg.status === 'connected' && consult.status === 'ringing') {
      const connected: Consult = { ...consult, status: 'connected' };
      this.#save(connected);
      this.#publish(connected);
    } else if (leg.status === 'ended') {
      this.#end(consult, leg.code ? { code: leg.code, reason: leg.reason } : undefined);
    }
  }

  /**
   * Warm transfer: the customer goes to the consulted agent (bridged at once, no new offer) or to the
   * consulted number; the consulting agent goes to wrap-up. Answers the transfer's refusal otherwise.
   */
  complete(agent: string): ConsultAnswer & { transfer?: TransferAnswer } {
    const consult = this.#byAgent.get(agent);
    if (!consult) return { ok: false, reason: `${agent} holds no consult to complete` };
    if (consult.status !== 'connected')
      return {
        ok: false,
        reason:
          'agent' in consult.to
            ? 'the consulted agent has not answered yet'
            : `${consult.to.number} has not answered yet`,
      };
    if ('number' in consult.to) {
      // The customer is bridged to the answered leg: no new call is placed.
      const bridged = this.host.consultNumber(agent, { type: 'agentConsultComplete', agent });
      if (!bridged.ok) return { ok: false, reason: bridged.reason };
      this.#end(consult);
      const told = bridged.commands.find((c) => c.type === 'transferResult');
      const transfer: TransferAnswer =
        told?.type === 'transferResult'
          ? {
              result: told.result,
              reason: told.reason,
              target: told.target,
              ...(told.callerId ? { callerId: told.callerId } : {}),
            }
          : { result: 'refused', reason: 'the customer was not bridged' };
      return { ok: true, consult, transfer };
    }
    // The consulted agent is freed for this transfer only: no waiting call may be matched to them first.
    this.#end(consult);
    const transfer = this.host.transfer(agent, { agent: consult.to.agent });
    if (transfer.result === 'refused') {
      this.#offerNext(consult.to.agent);
      return { ok: false, reason: transfer.reason };
    }
    this.host.accept(consult.to.agent);
    return { ok: true, consult, transfer };
  }

  /**
   * The consulted agent's state, stored; no queue matching runs here, so a warm transfer finds the
   * agent still free when it offers the customer to them.
   */
  #setState(name: string, state: 'Busy' | 'Available'): void {
    this.host.acd.setState(name, state, this.host.clock.now());
    this.host.repository.saveAgentState(name, state);
    // Announced as any state change: the other desktops' transfer and consult lists follow.
    this.events.publish({ type: 'agent.state', agent: name, state });
  }

  /** Written to the store first: what the desktop is told is what a restart shows again. */
  #save(consult: Consult): void {
    const { popover: _, ...stored } = consult;
    this.host.repository.saveConsult(consult.from, stored);
    this.#byAgent.set(consult.from, consult);
  }

  /**
   * `offerNext`: a consult declined or cancelled leaves the consulted agent Available and offered what
   * waits in their queues at once (announced as any state change); otherwise (a warm transfer, a sweep)
   * they are freed without matching.
   */
  #end(consult: Consult, ended?: ConsultEnded, offerNext = false): void {
    this.host.repository.saveConsult(consult.from, null);
    this.#byAgent.delete(consult.from);
    if ('agent' in consult.to) {
      const target = this.host.acd.agents.get(consult.to.agent);
      if (target?.state === 'Busy' && !target.contactId) {
        if (offerNext) this.#offerNext(consult.to.agent);
        else this.#setState(consult.to.agent, 'Available');
      }
    }
    // A consult with an agent is the contact's consult state; a leg to a number is the engine's own.
    const s = this.host.snapshot(consult.contactId);
    if ('agent' in consult.to && s && !isContactOver(s))
      this.host.send(consult.contactId, { type: 'consult', active: false });
    const told = ended ? { ended } : {};
    this.events.publish({ type: 'agent.consult', agent: consult.from, consult: null, ...told });
    if ('agent' in consult.to)
      this.events.publish({ type: 'agent.consult', agent: consult.to.agent, consult: null, ...told });
    if (ended) this.onEnded(consult, ended);
  }

  /** Available through the host: stored, announced (agent.state), and offered the next waiting contact. */
  #offerNext(agent: string): void {
    const target = this.host.acd.agents.get(agent);
    if (target && !target.contactId && target.state !== 'Offline')
      this.host.setAgentState(agent, 'Available');
  }

  /** Told when the service ends a stale consult (the service logs and counts it). */
  onEnded: (consult: StoredConsult, ended: ConsultEnded) => void = () => undefined;

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
