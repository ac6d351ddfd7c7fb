import { isTelephonyCommand, type TelephonyCommand } from '../adapter/contract.js';
import type { CallbackRequest, Command, ContactSnapshot } from '../types.js';
import { requeue } from './acd-matching.js';
import type { HostCore } from './host-core.js';
import { capacityEvent, refusedDial } from './live-calls.js';

/** A contact as a durable store kept it: its last snapshot, and the commands it still waits on. */
export interface RestoredContact {
  snapshot: ContactSnapshot;
  /** Telephony and HTTP commands whose result never came; they are carried out again. */
  pending: readonly Command[];
}

type Dial = Extract<TelephonyCommand, { type: 'dial' }>;

/**
 * Continues stored contacts after a start (or a crash): each takes its line, its place in its queue
 * and its agent back, its timers are re-armed from their absolute deadlines, and the commands whose
 * result never came are sent again. An outbound call that had not been answered is placed again only
 * if a line is free for it, oldest contact first: otherwise a callback waits in its queue like any other
 * (CENTER_AT_CAPACITY) and a transfer to a number is refused as it would be now. Callback requests
 * recorded whose contact never started are started. Returns the number of timers re-armed.
 */
export function restoreContacts(
  core: HostCore,
  contacts: readonly RestoredContact[],
  unstarted: readonly CallbackRequest[],
): number {
  let timers = 0;
  for (const { snapshot: s, pending } of contacts) {
    // A callback whose call is to be placed again takes its line only when it is placed.
    if (!pending.some((c) => isCallbackRedial(s, c))) core.calls.track(s);
    core.telephony.connect(s.contactId);
    requeue(core, s);
    for (const timer of s.timers) {
      core.timers.arm(s.contactId, timer.id, timer.at);
      timers += 1;
    }
  }
  // Oldest contact first: when lines are short, the call waiting longest is placed.
  const byAge = [...contacts].sort((a, b) => a.snapshot.startedAt - b.snapshot.startedAt);
  for (const { snapshot: s, pending } of byAge) {
    for (const command of pending) {
      if (isTelephonyCommand(command)) resend(core, s, command);
      else if (command.type === 'httpRequest') core.sendHttp(s.contactId, command);
    }
  }
  for (const request of unstarted) core.startCallbackContact(request);
  core.match();
  return timers;
}

function resend(core: HostCore, s: ContactSnapshot, command: TelephonyCommand): void {
  const contactId = s.contactId;
  if (isCallbackRedial(s, command)) {
    const capacity = core.capacity();
    if (core.calls.free(capacity.limit) === 0) {
      core.deliver(contactId, capacityEvent(capacity, true));
      return;
    }
    core.calls.track(s);
  } else if (command.type === 'dial' && isUnansweredTransfer(s, command)) {
    const refusal = refusedDial(command, core.capacity());
    if (refusal) {
      core.deliver(contactId, refusal);
      return;
    }
  }
  core.calls.command(contactId, command);
  core.telephony.adapterFor(contactId).execute(contactId, command);
}

/** The customer's call of a callback (or an agent's own callback) that was being dialled, not answered. */
function isCallbackRedial(s: ContactSnapshot, command: Command): boolean {
  return (
    command.type === 'dial' &&
    command.purpose !== 'transfer' &&
    s.callback?.phase === 'dialling' &&
    s.callback.dialRef === command.ref
  );
}

/** A transfer's call to a number (an agent's, or a block's) that had not been answered. */
function isUnansweredTransfer(s: ContactSnapshot, dial: Dial): boolean {
  if (dial.purpose !== 'transfer') return false;
  if (s.transfer?.dialRef === dial.ref) return true;
  const wait = s.stack[s.stack.length - 1]?.wait;
  return wait?.ref === dial.ref && wait.answered !== true;
}
