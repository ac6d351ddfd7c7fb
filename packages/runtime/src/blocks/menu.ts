import type { Wait } from '../types.js';
import { type BlockContext, type BlockStep, defineBehaviour } from './behaviour.js';
import { adapterFailure, ask, isPromptDone, isTimer, num, promptName } from './common.js';

interface MenuSettings {
  prompt?: unknown;
  options?: { digit?: string }[];
  timeoutSeconds?: number;
  retries?: number;
  noMatchPrompt?: unknown;
}

/**
 * Plays the prompt and waits for one key; the no-input timer starts when the prompt has finished (keys
 * pressed during it count: barge-in). A wrong key or no key repeats the prompt `retries` times.
 */
export const menu = defineBehaviour<MenuSettings>({
  type: 'menu',
  enter(ctx) {
    return question(ctx, 0, false);
  },
  resume(ctx, wait, event) {
    const s = ctx.settings;
    const attempt = num(wait.attempt, 0);
    if (isPromptDone(wait, event)) {
      return { wait: { ...wait, timerId: ctx.startTimer(num(s.timeoutSeconds, 5), 'menuNoInput') } };
    }
    if (event.type === 'digits' && event.digits.length > 0) {
      ctx.cancelTimer(wait.timerId);
      const key = event.digits[0] as string;
      ctx.contact.system.lastDigits = key;
      if ((s.options ?? []).some((o) => o.digit === key)) return { outcome: key };
      if (attempt < num(s.retries, 2)) {
        ctx.note(`key ${key} is not an option; asking again`);
        return question(ctx, attempt + 1, true);
      }
      return { outcome: 'noMatch', note: `key ${key} is not an option` };
    }
    if (isTimer(wait, event)) {
      if (attempt < num(s.retries, 2)) {
        ctx.note('no key pressed; asking again');
        return question(ctx, attempt + 1, false);
      }
      return { outcome: 'timeout' };
    }
    return adapterFailure(wait, event);
  },
});

function question(ctx: BlockContext<MenuSettings>, attempt: number, wrongKey: boolean): BlockStep {
  const s = ctx.settings;
  const prompts = wrongKey && s.noMatchPrompt !== undefined ? [s.noMatchPrompt, s.prompt] : [s.prompt];
  const ref = ask(ctx as unknown as BlockContext, prompts, 1);
  if (ref === undefined) return { outcome: 'error', note: `${promptName(s.prompt)} is not in resources` };
  const wait: Wait = { ref, attempt };
  return { wait };
}
