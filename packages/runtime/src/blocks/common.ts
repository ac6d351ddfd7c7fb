import type { ContactEvent, Wait } from '../types.js';
import type { BlockContext, BlockStep } from './behaviour.js';

/** The adapter could not carry out the command this block waits on: the block's `error` outcome. */
export function adapterFailure(wait: Wait, event: ContactEvent): BlockStep | undefined {
  if (event.type === 'adapterError' && event.ref === wait.ref)
    return { outcome: 'error', note: `telephony error: ${event.message}` };
  return undefined;
}

export function isPromptDone(wait: Wait, event: ContactEvent): boolean {
  return event.type === 'promptDone' && event.ref === wait.ref;
}

export function isTimer(wait: Wait, event: ContactEvent): boolean {
  return event.type === 'timer' && wait.timerId !== undefined && event.timerId === wait.timerId;
}

export function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A prompt setting's name, for error notes ("prompt welcome is not in resources"). */
export function promptName(setting: unknown): string {
  const p = setting !== null && typeof setting === 'object' ? (setting as Record<string, unknown>) : {};
  return typeof p.prompt === 'string' ? `prompt "${p.prompt}"` : 'the prompt';
}

/**
 * Plays prompts in order (a "wrong key" prompt, then the question) and asks for digits; returns the ref
 * of the last prompt (whose end starts the no-input timer), or undefined when a prompt is missing.
 */
export function ask(
  ctx: BlockContext,
  prompts: unknown[],
  maxDigits: number,
  terminator?: string,
): string | undefined {
  const resolved = prompts.filter((p) => p !== undefined).map((p) => ctx.prompt(p));
  if (resolved.some((p) => p === undefined)) return undefined;
  let ref = '';
  for (const p of resolved) if (p) ref = ctx.play(p);
  ctx.emit(
    terminator ? { type: 'collectDigits', maxDigits, terminator } : { type: 'collectDigits', maxDigits },
  );
  return ref;
}
