import { type CallerIdSetting, checkDialNumber } from '@callflow/model';
import { dialOptions } from '../rules/dial-options.js';
import { resolveCallerId, transferCallerIdSituation } from '../rules/index.js';
import { operandValue } from '../rules/placeholders.js';
import { defineBehaviour } from './behaviour.js';
import { adapterFailure, isTimer, num } from './common.js';

interface TransferToNumberSettings {
  to?: unknown;
  callerId?: CallerIdSetting;
  callerIdName?: string;
  timeoutSeconds?: number;
  resumeAfterDisconnect?: boolean;
}

/**
 * Dials an external number (dial-number rules and country allowlist first) with the caller ID the
 * caller-ID rules choose; the decision and its reason go into the trace. Once connected the flow ends,
 * or, with `resumeAfterDisconnect`, continues at `connected` when the called party hangs up.
 */
export const transferToNumber = defineBehaviour<TransferToNumberSettings>({
  type: 'transferToNumber',
  enter(ctx) {
    const s = ctx.settings;
    const raw = operandValue(s.to, ctx.lookup);
    const check = checkDialNumber(typeof raw === 'string' ? raw : String(raw ?? ''), dialOptions(ctx));
    if (!check.ok) return { outcome: 'error', note: `cannot dial: ${check.message}` };
    const queue = ctx.contact.queue?.name ?? (ctx.contact.system.queueName as string | undefined);
    const decision = resolveCallerId(
      transferCallerIdSituation({
        ...(s.callerId ? { setting: s.callerId } : {}),
        resources: ctx.env.resources,
        ...(ctx.contact.callerNumber ? { callerNumber: ctx.contact.callerNumber } : {}),
        dialedNumber: check.e164,
        ...(queue ? { queue } : {}),
        variables: ctx.lookup,
        ...(ctx.env.random ? { random: ctx.env.random } : {}),
      }),
    );
    const name = s.callerIdName ?? decision.name;
    ctx.traceWith({
      callerId: {
        ...(decision.number ? { number: decision.number } : {}),
        ...(name ? { name } : {}),
        rule: decision.rule,
        reason: decision.reason,
        rejected: decision.rejected,
      },
    });
    const timeoutSeconds = num(s.timeoutSeconds, 30);
    const ref = ctx.emit({
      type: 'dial',
      purpose: 'transfer',
      to: check.e164,
      // The extension after ":" is keyed in for the caller once the called party answers.
      ...(check.postDial ? { sendDigits: check.postDial } : {}),
      ...(decision.number ? { callerId: decision.number } : {}),
      ...(name ? { callerIdName: name } : {}),
      timeoutSeconds,
    });
    // A safety net a few seconds after the adapter's own no-answer timeout.
    return { wait: { ref, answered: false, timerId: ctx.startTimer(timeoutSeconds + 5, 'dialNoAnswer') } };
  },
  resume(ctx, wait, event) {
    if (isTimer(wait, event)) {
      ctx.emit({ type: 'cancelDial', dialRef: wait.ref as string });
      return { outcome: 'noAnswer', note: 'no answer from the adapter in time' };
    }
    if (event.type === 'dialResult' && event.ref === wait.ref) {
      if (wait.answered === true) return event.result === 'completed' ? { outcome: 'connected' } : undefined;
      ctx.cancelTimer(wait.timerId);
      switch (event.result) {
        case 'answered':
          ctx.emit({ type: 'bridge', dialRef: wait.ref as string });
          if (ctx.settings.resumeAfterDisconnect === true)
            return { wait: { ref: wait.ref as string, answered: true } };
          return { end: 'transferred', note: 'connected: the call now belongs to the called party' };
        case 'busy':
          return { outcome: 'busy' };
        case 'noAnswer':
          return { outcome: 'noAnswer' };
        case 'failed':
          return { outcome: 'error', note: 'the call could not be placed' };
        case 'completed':
          return { outcome: 'noAnswer', note: 'the call ended before it was answered' };
      }
    }
    return adapterFailure(wait, event);
  },
});
