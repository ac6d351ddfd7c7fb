import { isContactOver } from '../rules/contact-over.js';
import type { Frame } from '../types.js';
import { afterOutboundWhisper } from './callback.js';
import { afterWhisper, holdInQueue } from './queue.js';
import type { ContactRun } from './run.js';
import type { FrameEnd } from './wiring.js';

/**
 * What follows when a flow ends, by the kind of flow:
 * - the contact's own flow: the call ends (disconnect, or an unwired outcome) or stays with the party it
 *   was transferred to;
 * - a module: its Invoke module block continues (`success` with outputs, `error` otherwise), unless the
 *   module disconnected the call;
 * - a customer-queue flow: a disconnect ends the call, any other end leaves the caller on hold music;
 * - whisper flows: the next whisper, then the parties are connected (or the outbound call is placed).
 */
export function endedFrame(run: ContactRun, frame: Frame, how: FrameEnd): void {
  if (isContactOver(run.s)) return;
  if (how.kind === 'transferred') {
    run.finish('transferred to an external number', false);
    run.s.status = 'transferred';
    return;
  }
  switch (frame.kind) {
    case 'main':
      run.finish(how.kind === 'disconnect' ? 'disconnected by the flow' : 'the flow ended');
      return;
    case 'module': {
      if (how.kind === 'disconnect') {
        run.finish('disconnected by a module');
        return;
      }
      const parent = run.top();
      if (!parent) return;
      run.childEnded(
        parent,
        how.kind === 'return'
          ? { returned: true, outputs: how.outputs }
          : {
              returned: false,
              reason: how.kind === 'error' ? how.reason : `module "${frame.flowId}" ended without Return`,
            },
      );
      return;
    }
    case 'customerQueue':
      if (how.kind === 'disconnect') {
        run.finish('disconnected by the customer-queue flow');
        return;
      }
      holdInQueue(run);
      return;
    case 'agentWhisper':
    case 'customerWhisper':
      afterWhisper(run, frame.kind);
      return;
    case 'outboundWhisper':
      afterOutboundWhisper(run);
      return;
  }
}
