import { isTelephonyCommand } from '../adapter/contract.js';
import type { CallbackRequest, Command, ContactSnapshot } from '../types.js';
import { requeue } from './acd-matching.js';
import type { HostCore } from './host-core.js';

/** A contact as a durable store kept it: its last snapshot, and the commands it still waits on. */
export interface RestoredContact {
  snapshot: ContactSnapshot;
  /** Telephony and HTTP commands whose result never came; they are carried out again. */
  pending: readonly Command[];
}

/**
 * Continues stored contacts after a start (or a crash): each takes its line, its place in its queue
 * and its agent back, its timers are re-armed from their absolute deadlines, and the commands whose
 * result never came are sent again. Callback requests recorded whose contact never started are
 * started. Returns the number of timers re-armed.
 */
export function restoreContacts(
  core: HostCore,
  contacts: readonly RestoredContact[],
  unstarted: readonly CallbackRequest[],
): number {
  let timers = 0;
  for (const { snapshot: s, pending } of contacts) {
    core.calls.track(s);
    core.telephony.connect(s.contactId);
    requeue(core, s);
    for (const timer of s.timers) {
      core.timers.arm(s.contactId, timer.id, timer.at);
      timers += 1;
    }
    for (const command of pending) {
      if (isTelephonyCommand(command)) {
        core.calls.command(s.contactId, command);
        core.telephony.adapterFor(s.contactId).execute(s.contactId, command);
      } else if (command.type === 'httpRequest') core.sendHttp(s.contactId, command);
    }
  }
  for (const request of unstarted) core.startCallbackContact(request);
  core.match();
  return timers;
}
