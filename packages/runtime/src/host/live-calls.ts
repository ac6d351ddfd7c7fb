import { CENTER_AT_CAPACITY } from '../engine/limits.js';
import { isContactOver } from '../rules/contact-over.js';
import type { Command, ContactEvent, ContactSnapshot } from '../types.js';

export { CENTER_AT_CAPACITY };

/** The account's `maxConcurrentCalls`; undefined when the center has no limit. */
export interface CapacityFigures {
  limit: number | undefined;
  liveCalls: number;
  /** No further outbound call may be placed now. */
  atCapacity: boolean;
}

/**
 * Does this contact hold a line? A caller (inbound) holds one from arrival to the end; a callback
 * holds one from the moment it is offered to an agent (its call is about to be placed, so the line is
 * reserved) through the whisper, the dialling and the conversation.
 */
export function holdsLine(s: ContactSnapshot): boolean {
  if (isContactOver(s)) return false;
  if (s.kind === 'inbound') return true;
  if (s.status === 'offered') return true;
  const phase = s.callback?.phase;
  return phase === 'whisper' || phase === 'dialling' || phase === 'connected';
}

/**
 * Counts the center's live calls for `resources.account.maxConcurrentCalls` (docs/domain.md#concurrent-calls): contacts
 * with a caller or customer leg, plus the outbound leg of a transfer to a number while it is being
 * placed or connected. Hosts feed it every step's snapshot, every command and every event; the count
 * is kept incrementally so that checking it costs nothing on a busy center.
 */
export class LiveCalls {
  private readonly lines = new Set<string>();
  /** Transfer legs being placed or connected: contact id -> dial ref. */
  private readonly transferLegs = new Map<string, string>();

  get count(): number {
    return this.lines.size + this.transferLegs.size;
  }

  /** Capacity now against `limit` (the resources file may change, so hosts pass it each time). */
  figures(limit: number | undefined): CapacityFigures {
    const liveCalls = this.count;
    return { limit, liveCalls, atCapacity: limit !== undefined && liveCalls >= limit };
  }

  /** Lines an outbound call may still take now (Infinity without a limit). */
  free(limit: number | undefined): number {
    return limit === undefined ? Number.POSITIVE_INFINITY : Math.max(0, limit - this.count);
  }

  /** After a step: returns true when the contact gave its line back. */
  track(s: ContactSnapshot): boolean {
    const before = this.count;
    if (holdsLine(s)) this.lines.add(s.contactId);
    else this.lines.delete(s.contactId);
    if (isContactOver(s)) this.transferLegs.delete(s.contactId);
    return this.count < before;
  }

  /** A contact the host dropped without a step (a cancelled callback). */
  drop(contactId: string): boolean {
    const before = this.count;
    this.lines.delete(contactId);
    this.transferLegs.delete(contactId);
    return this.count < before;
  }

  /**
   * A command the host carries out: a transfer's dial takes a line of its own, and cancelling it gives
   * the line back (returns true then).
   */
  command(contactId: string, command: Command): boolean {
    if (command.type === 'dial' && command.purpose === 'transfer')
      this.transferLegs.set(contactId, command.ref);
    else if (command.type === 'cancelDial' && this.transferLegs.get(contactId) === command.dialRef)
      return this.transferLegs.delete(contactId);
    return false;
  }

  /** After a restart: a transfer leg that was answered before it is still connected and holds its line. */
  transferLegConnected(contactId: string, dialRef: string): void {
    this.transferLegs.set(contactId, dialRef);
  }

  /** An event for the contact: a transfer leg that failed or hung up gives its line back. */
  event(contactId: string, event: ContactEvent): boolean {
    const ref = this.transferLegs.get(contactId);
    if (ref === undefined) return false;
    const gone =
      (event.type === 'dialResult' && event.ref === ref && event.result !== 'answered') ||
      (event.type === 'adapterError' && event.ref === ref);
    if (gone) this.transferLegs.delete(contactId);
    return gone;
  }
}

/**
 * The outbound call a host must refuse at capacity: a transfer to a number (Amazon Connect refuses the
 * leg; the block takes its `error` outcome). Callbacks never get this far: they wait in their queue.
 */
export function refusedDial(
  command: Command,
  figures: CapacityFigures,
): Extract<ContactEvent, { type: 'adapterError' }> | undefined {
  if (command.type !== 'dial' || command.purpose !== 'transfer' || !figures.atCapacity) return undefined;
  return {
    type: 'adapterError',
    ref: command.ref,
    message: `${CENTER_AT_CAPACITY} the center has ${figures.liveCalls} live calls, its maximum of ${figures.limit} concurrent calls (resources.account.maxConcurrentCalls)`,
  };
}

/** What a host tells a waiting callback: no free line now (`atCapacity`), or one is free again. */
export function capacityEvent(
  figures: CapacityFigures,
  atCapacity: boolean,
): Extract<ContactEvent, { type: 'centerCapacity' }> {
  return { type: 'centerCapacity', atCapacity, limit: figures.limit ?? 0, liveCalls: figures.liveCalls };
}
