import { checkDialNumber, dialString, MAX_DIAL_DIGITS } from '@callflow/model';
import { dialOptions } from '../rules/dial-options.js';
import type { Wait } from '../types.js';
import { type BlockContext, type BlockStep, defineBehaviour } from './behaviour.js';
import { adapterFailure, ask, isPromptDone, isTimer, num, promptName } from './common.js';

interface OfferCallbackSettings {
  prompt?: unknown;
  acceptDigit?: string;
  timeoutSeconds?: number;
  confirmPrompt?: unknown;
  enterNumberPrompt?: unknown;
  minEstimatedWaitSeconds?: number;
}
type Ctx = BlockContext<OfferCallbackSettings>;
type Phase = 'offer' | 'confirm' | 'enter';

/**
 * The courtesy-callback conversation: offer -> (accept key) confirm the caller's own number with 1, or
 * key in another one ended by # -> `$callbackNumber` set and `accepted`. Follow it with Create callback.
 */
export const offerCallback = defineBehaviour<OfferCallbackSettings>({
  type: 'offerCallback',
  enter(ctx) {
    const min = num(ctx.settings.minEstimatedWaitSeconds, 0);
    const estimated = Number(ctx.lookup('$estimatedWaitSeconds') ?? 0);
    if (min > 0 && estimated < min)
      return { outcome: 'declined', note: `estimated wait ${estimated} s is under ${min} s: not offered` };
    return phase(ctx, 'offer');
  },
  resume(ctx, wait, event) {
    const current = wait.phase as Phase;
    if (isPromptDone(wait, event)) {
      return {
        wait: {
          ...wait,
          timerId: ctx.startTimer(num(ctx.settings.timeoutSeconds, 5), 'callbackOfferNoInput'),
        },
      };
    }
    if (isTimer(wait, event)) {
      const typed = typeof wait.buffer === 'string' ? wait.buffer : '';
      return current === 'enter' && typed !== '' ? number(ctx, typed) : { outcome: 'timeout' };
    }
    if (event.type === 'digits' && event.digits !== '') {
      ctx.cancelTimer(wait.timerId);
      if (current === 'offer') {
        if (event.digits[0] !== (ctx.settings.acceptDigit ?? '1')) return { outcome: 'declined' };
        const own = ctx.contact.callerNumber
          ? checkDialNumber(ctx.contact.callerNumber, dialOptions(ctx))
          : undefined;
        return phase(ctx, own?.ok ? 'confirm' : 'enter');
      }
      if (current === 'confirm') {
        return event.digits[0] === '1' ? number(ctx, ctx.contact.callerNumber ?? '') : phase(ctx, 'enter');
      }
      const typed = (typeof wait.buffer === 'string' ? wait.buffer : '') + event.digits;
      const end = typed.indexOf('#');
      if (end >= 0) return number(ctx, typed.slice(0, end));
      if (typed.length >= MAX_DIAL_DIGITS) return number(ctx, typed);
      return {
        wait: {
          ...wait,
          buffer: typed,
          timerId: ctx.startTimer(num(ctx.settings.timeoutSeconds, 5), 'callbackNumberPause'),
        },
      };
    }
    return adapterFailure(wait, event);
  },
});

function phase(ctx: Ctx, next: Phase): BlockStep {
  const s = ctx.settings;
  const prompt = next === 'offer' ? s.prompt : next === 'confirm' ? s.confirmPrompt : s.enterNumberPrompt;
  const ref = ask(
    ctx as unknown as BlockContext,
    [prompt],
    next === 'enter' ? MAX_DIAL_DIGITS : 1,
    next === 'enter' ? '#' : undefined,
  );
  if (ref === undefined) return { outcome: 'error', note: `${promptName(prompt)} is not in resources` };
  const wait: Wait = { ref, phase: next, buffer: '' };
  return { wait };
}

function number(ctx: Ctx, input: string): BlockStep {
  const check = checkDialNumber(input, dialOptions(ctx));
  if (!check.ok) return { outcome: 'invalidNumber', note: check.message };
  ctx.contact.system.callbackNumber = dialString(check);
  return { outcome: 'accepted', note: `callback number ${dialString(check)}` };
}
