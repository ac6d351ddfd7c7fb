import { defineBehaviour } from './behaviour.js';
import { adapterFailure, isPromptDone } from './common.js';

/** Speaks the caller's position and/or estimated wait (rounded up to minutes). */
export const playQueueStatus = defineBehaviour<{ say?: 'position' | 'waitTime' | 'both' }>({
  type: 'playQueueStatus',
  enter(ctx) {
    if (!ctx.contact.queue) return { outcome: 'error', note: 'the contact is not in a queue' };
    const say = ctx.settings.say ?? 'both';
    const position = Number(ctx.lookup('$queuePosition') ?? 0);
    const minutes = Math.max(1, Math.ceil(Number(ctx.lookup('$estimatedWaitSeconds') ?? 0) / 60));
    const parts: string[] = [];
    if (say !== 'waitTime') parts.push(`You are number ${position} in the queue.`);
    if (say !== 'position')
      parts.push(`Your estimated wait is ${minutes} minute${minutes === 1 ? '' : 's'}.`);
    return { wait: { ref: ctx.play({ text: parts.join(' ') }) } };
  },
  resume(_ctx, wait, event) {
    if (isPromptDone(wait, event)) return { outcome: 'success' };
    return adapterFailure(wait, event);
  },
});
