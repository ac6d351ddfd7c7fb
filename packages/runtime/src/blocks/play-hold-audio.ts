import { defineBehaviour } from './behaviour.js';
import { isTimer, num, promptName } from './common.js';

/**
 * Hold music for `durationSeconds`: the wait of a customer-queue loop. Each completed hold starts the
 * flow's step count again, because a queue flow is meant to loop for as long as the caller waits.
 */
export const playHoldAudio = defineBehaviour<{ prompt?: unknown; durationSeconds?: number }>({
  type: 'playHoldAudio',
  enter(ctx) {
    const prompt =
      ctx.settings.prompt === undefined ? { text: 'hold music' } : ctx.prompt(ctx.settings.prompt);
    if (!prompt)
      return { outcome: 'success', note: `${promptName(ctx.settings.prompt)} is not in resources: skipped` };
    const ref = ctx.play(prompt, true);
    return { wait: { ref, timerId: ctx.startTimer(num(ctx.settings.durationSeconds, 30), 'holdEnds') } };
  },
  resume(ctx, wait, event) {
    if (isTimer(wait, event)) {
      ctx.emit({ type: 'stopPlayback', to: ctx.party });
      ctx.frame.steps = 0;
      return { outcome: 'success' };
    }
    // The loop keeps playing until the timer: a finished or failed pass of the music changes nothing.
    if ((event.type === 'promptDone' || event.type === 'adapterError') && event.ref === wait.ref)
      return { wait };
    return undefined;
  },
});
