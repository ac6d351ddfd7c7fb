import { defineBehaviour } from './behaviour.js';
import { adapterFailure, isPromptDone, promptName } from './common.js';

/** Plays the prompt to this flow's party and continues when it has finished. */
export const playPrompt = defineBehaviour<{ prompt?: unknown }>({
  type: 'playPrompt',
  enter(ctx) {
    const prompt = ctx.prompt(ctx.settings.prompt);
    if (!prompt) return { outcome: 'error', note: `${promptName(ctx.settings.prompt)} is not in resources` };
    return { wait: { ref: ctx.play(prompt) } };
  },
  resume(_ctx, wait, event) {
    if (isPromptDone(wait, event)) return { outcome: 'success' };
    return adapterFailure(wait, event);
  },
});
