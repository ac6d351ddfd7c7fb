import type { Simulator, SimulatorLogEntry } from '../simulator/simulator.js';
import type { Command, ContactEventBody } from '../types.js';

type CommandOf<T extends Command['type']> = Extract<Command, { type: T }>;
type EventOf<T extends ContactEventBody['type']> = Extract<ContactEventBody, { type: T }>;

/** A command or event of the simulator log, with its time and its place in the contact's log. */
export interface Logged<T> {
  at: number;
  index: number;
  contactId: string;
  detail: T;
}

/** One contact's part of the simulator log (commands sent, events received), in order. */
export class ContactLog {
  readonly entries: SimulatorLogEntry[];

  constructor(
    sim: Simulator,
    readonly contactId: string,
  ) {
    this.entries = sim.events.filter((e) => e.contactId === contactId);
  }

  commands<T extends Command['type']>(type: T): Logged<CommandOf<T>>[] {
    return this.pick('command', type) as Logged<CommandOf<T>>[];
  }

  events<T extends ContactEventBody['type']>(type: T): Logged<EventOf<T>>[] {
    return this.pick('event', type) as Logged<EventOf<T>>[];
  }

  private pick(direction: 'command' | 'event', type: string): Logged<unknown>[] {
    const out: Logged<unknown>[] = [];
    for (const [index, e] of this.entries.entries()) {
      if (e.direction === direction && e.type === type)
        out.push({ at: e.at, index, contactId: this.contactId, detail: e.detail });
    }
    return out;
  }
}

/** The call's log and those of the callbacks it created: a scenario replays them together. */
export function callLogs(sim: Simulator, contactId: string): ContactLog[] {
  const call = new ContactLog(sim, contactId);
  const callbacks = call.commands('createCallback').map((c) => new ContactLog(sim, c.detail.request.id));
  return [call, ...callbacks];
}

/**
 * How an offer to an agent ended: `accepted`; `rangOut` (RONA: the agent let it ring, by hand or until
 * its timeout); `withdrawn` (the contact left the queue meanwhile, no RONA); `open` (still ringing).
 */
export interface OfferOutcome {
  agent: string;
  contactId: string;
  at: number;
  timeoutSeconds: number;
  result: 'accepted' | 'rangOut' | 'withdrawn' | 'open';
  /** When it was accepted, rang out or was withdrawn. */
  endedAt?: number;
}

/** Every offer made for these contacts, in order, with how it ended. */
export function offerOutcomes(logs: readonly ContactLog[]): OfferOutcome[] {
  const out: OfferOutcome[] = [];
  for (const log of logs) {
    const open = new Map<string, OfferOutcome>();
    const close = (agent: string, result: OfferOutcome['result'], at: number) => {
      const offer = open.get(agent);
      if (!offer) return;
      offer.result = result;
      offer.endedAt = at;
      open.delete(agent);
    };
    for (const e of log.entries) {
      const detail = e.detail as { agent?: string; rona?: boolean; timeoutSeconds?: number };
      if (e.direction === 'command' && e.type === 'offerToAgent' && detail.agent) {
        const offer: OfferOutcome = {
          agent: detail.agent,
          contactId: log.contactId,
          at: e.at,
          timeoutSeconds: detail.timeoutSeconds ?? 0,
          result: 'open',
        };
        open.set(detail.agent, offer);
        out.push(offer);
      } else if (e.direction === 'event' && e.type === 'agentAccepted' && detail.agent) {
        close(detail.agent, 'accepted', e.at);
      } else if (e.direction === 'command' && e.type === 'withdrawOffer' && detail.agent) {
        close(detail.agent, detail.rona ? 'rangOut' : 'withdrawn', e.at);
      }
    }
  }
  return out;
}

/** "0:42", "12:05", "1:02:03": a time into the call as the simulator's clock shows it. */
export function callTime(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
