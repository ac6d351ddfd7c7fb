import { defineBehaviour } from './behaviour.js';
import { num } from './common.js';

/** `looping` the first `count` arrivals, then `complete` once, and the count starts again. */
export const loopCounter = defineBehaviour<{ count?: number }>({
  type: 'loopCounter',
  enter(ctx) {
    const key = `${ctx.frame.flowId}/${ctx.blockId}`;
    const done = ctx.contact.loops[key] ?? 0;
    const count = num(ctx.settings.count, 3);
    if (done < count) {
      ctx.contact.loops[key] = done + 1;
      return { outcome: 'looping', note: `round ${done + 1} of ${count}` };
    }
    ctx.contact.loops[key] = 0;
    return { outcome: 'complete' };
  },
});
