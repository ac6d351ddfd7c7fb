import { checkDialNumber, dialString } from '@callflow/model';
import { dialOptions } from '../rules/dial-options.js';
import { isSecureVariable } from '../rules/secure-variables.js';
import type { Wait } from '../types.js';
import { type BlockContext, type BlockStep, defineBehaviour } from './behaviour.js';
import { adapterFailure, ask, isPromptDone, isTimer, num, promptName } from './common.js';

interface GetDigitsSettings {
  prompt?: unknown;
  variable?: string;
  minDigits?: number;
  maxDigits?: number;
  timeoutSeconds?: number;
  terminator?: '#' | '*';
  retries?: number;
  validate?: 'none' | 'phoneNumber';
  invalidPrompt?: unknown;
}

type Ctx = BlockContext<GetDigitsSettings>;

/**
 * Collects keys until the terminator, `maxDigits`, or a pause of `timeoutSeconds` (counted from the end
 * of the prompt, then from each key). Wrong input is asked again `retries` times, then `invalid`.
 */
export const getDigits = defineBehaviour<GetDigitsSettings>({
  type: 'getDigits',
  enter(ctx) {
    return question(ctx, 0, false);
  },
  resume(ctx, wait, event) {
    const s = ctx.settings;
    const buffer = typeof wait.buffer === 'string' ? wait.buffer : '';
    if (isPromptDone(wait, event)) {
      if (wait.timerId) return { wait };
      return { wait: { ...wait, timerId: ctx.startTimer(num(s.timeoutSeconds, 5), 'digitsPause') } };
    }
    if (event.type === 'digits') {
      ctx.cancelTimer(wait.timerId);
      const typed = buffer + event.digits;
      const end = s.terminator ? typed.indexOf(s.terminator) : -1;
      if (end >= 0) return complete(ctx, wait, typed.slice(0, end));
      if (typed.length >= num(s.maxDigits, 10))
        return complete(ctx, wait, typed.slice(0, num(s.maxDigits, 10)));
      return {
        wait: { ...wait, buffer: typed, timerId: ctx.startTimer(num(s.timeoutSeconds, 5), 'digitsPause') },
      };
    }
    if (isTimer(wait, event)) {
      if (buffer.length > 0) return complete(ctx, wait, buffer);
      if (num(wait.attempt, 0) < num(s.retries, 2)) {
        ctx.note('no input; asking again');
        return question(ctx, num(wait.attempt, 0) + 1, false);
      }
      return { outcome: 'timeout' };
    }
    return adapterFailure(wait, event);
  },
});

function question(ctx: Ctx, attempt: number, invalid: boolean): BlockStep {
  const s = ctx.settings;
  const prompts = invalid && s.invalidPrompt !== undefined ? [s.invalidPrompt, s.prompt] : [s.prompt];
  const ref = ask(ctx as unknown as BlockContext, prompts, num(s.maxDigits, 10), s.terminator);
  if (ref === undefined) return { outcome: 'error', note: `${promptName(s.prompt)} is not in resources` };
  const wait: Wait = { ref, attempt, buffer: '' };
  return { wait };
}

function complete(ctx: Ctx, wait: Wait, input: string): BlockStep {
  const s = ctx.settings;
  ctx.contact.system.lastDigits = input;
  // Keys meant for a secure variable are secret as typed, also when they are refused or normalised.
  if (s.variable && isSecureVariable(ctx.flow, s.variable)) ctx.secrets.keep(input);
  const problem = invalidBecause(ctx, input);
  if (problem === undefined) {
    const value = s.validate === 'phoneNumber' ? normalised(ctx, input) : input;
    const stored = s.variable ? ctx.assign(s.variable, value) : { ok: true as const, value };
    if (!stored.ok)
      return { outcome: 'error', note: `could not store the input in ${s.variable}: ${stored.reason}` };
    return { outcome: 'success' };
  }
  if (num(wait.attempt, 0) < num(s.retries, 2)) {
    ctx.note(`${problem}; asking again`);
    return question(ctx, num(wait.attempt, 0) + 1, true);
  }
  return { outcome: 'invalid', note: problem };
}

function invalidBecause(ctx: Ctx, input: string): string | undefined {
  const s = ctx.settings;
  if (input.length < num(s.minDigits, 1))
    return `${input.length} digit(s), at least ${num(s.minDigits, 1)} needed`;
  if (s.validate === 'phoneNumber') {
    const check = checkDialNumber(input, dialOptions(ctx));
    if (!check.ok) return check.message;
  }
  return undefined;
}

function normalised(ctx: Ctx, input: string): string {
  const check = checkDialNumber(input, dialOptions(ctx));
  return check.ok ? dialString(check) : input;
}
