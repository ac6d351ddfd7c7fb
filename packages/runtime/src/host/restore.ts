import { isTelephonyCommand, type TelephonyCommand } from '../adapter/contract.js';
import type { CallbackRequest, Command, ContactSnapshot } from '../types.js';
import type { HostCore } from './host-core.js';
import { capacityEvent, refusedDial } from './live-calls.js';
import { restorePlace } from './restore-places.js';

/** A contact as a durable store kept it: its last snapshot, and the commands it still waits on. */
export interface RestoredContact {
  snapshot: ContactSnapshot;
  /** Telephony and HTTP commands whose result never came; they are carried out again. */
  pending: readonly Command[];
}

type Dial = Extract<TelephonyCommand, { type: 'dial' }>;

/**
 * Continues stored contacts after a start (or a crash): each takes its line, its place in its queue
 * (with the offer it was making) and its agent back, its timers are re-armed from their absolute
 * deadlines, and the commands whose result never came are sent again. A dial is placed again only if
 * the snapshot still waits for its answer: an answered call is still connected, never dialled twice.
 * An outbound call that had not been answered is placed again only if a line is free for it, oldest
 * contact first: otherwise a callback waits in its queue like any other (CENTER_AT_CAPACITY) and a
 * transfer to a number is refused as it would be now. Callback requests recorded whose contact never
 * started are started. Returns the number of timers re-armed.
 */
export function restoreContacts(
  core: HostCore,
  contacts: readonly RestoredContact[],
  unstarted: readonly CallbackRequest[],
): number {
  let timers = 0;
  for (const { snapshot: s, pending } of contacts) {
    // A callback whose call is to be placed again takes its line only when it is placed.
    if (!pending.some((c) => c.type === 'dial' && unansweredDial(s, c) === 'callback')) core.calls.track(s);
    const leg = connectedTransferLeg(s);
    if (leg) core.calls.transferLegConnected(s.contactId, leg);
    core.telephony.connect(s.contactId);
    restorePlace(core, s);
    for (const timer of s.timers) {
      core.timers.arm(s.contactId, timer.id, timer.at);
      timers += 1;
    }
  }
  // Oldest contact first: when lines are short, the call waiting longest is placed.
  const byAge = [...contacts].sort((a, b) => a.snapshot.startedAt - b.snapshot.startedAt);
  for (const { snapshot: s, pending } of byAge) {
    for (const command of pending) {
      if (command.type === 'dial') redial(core, s, command);
      else if (isTelephonyCommand(command)) send(core, s.contactId, command);
      else if (command.type === 'httpRequest') core.sendHttp(s.contactId, command);
    }
  }
  for (const request of unstarted) core.startCallbackContact(request);
  core.match();
  return timers;
}

function send(core: HostCore, contactId: string, command: TelephonyCommand): void {
  core.calls.command(contactId, command);
  core.telephony.adapterFor(contactId).execute(contactId, command);
}

/** Places a call again that was being dialled when the host stopped, if there is a line for it. */
function redial(core: HostCore, s: ContactSnapshot, dial: Dial): void {
  const waiting = unansweredDial(s, dial);
  if (waiting === undefined) return;
  if (waiting === 'callback') {
    const capacity = core.capacity();
    if (core.calls.free(capacity.limit) === 0) {
      core.deliver(s.contactId, capacityEvent(capacity, true));
      return;
    }
    core.calls.track(s);
  } else {
    const refusal = refusedDial(dial, core.capacity());
    if (refusal) {
      core.deliver(s.contactId, refusal);
      return;
    }
  }
  send(core, s.contactId, dial);
}

/**
 * Whether the snapshot still waits for this dial to be answered, and whose dial it is: the customer's
 * call of a callback (or of an agent's own callback) while its phase is `dialling`, or a transfer's call
 * to a number (an agent's, or a Transfer to number block's whose wait is not `answered`). Undefined for
 * a dial that was answered or is no longer awaited.
 */
function unansweredDial(s: ContactSnapshot, dial: Dial): 'callback' | 'transfer' | undefined {
  if (dial.purpose !== 'transfer')
    return s.callback?.phase === 'dialling' && s.callback.dialRef === dial.ref ? 'callback' : undefined;
  if (s.transfer?.dialRef === dial.ref) return 'transfer';
  const wait = s.stack[s.stack.length - 1]?.wait;
  return wait?.ref === dial.ref && wait.answered !== true ? 'transfer' : undefined;
}

/** A Transfer to number block's call that was answered (`resumeAfterDisconnect`): it still holds its line. */
function connectedTransferLeg(s: ContactSnapshot): string | undefined {
  const top = s.stack[s.stack.length - 1];
  const wait = top?.wait;
  return wait?.answered === true && typeof wait.ref === 'string' ? wait.ref : undefined;
}
