import { percentShares } from '@callflow/model';
import { defineBehaviour } from './behaviour.js';

/**
 * Draws one share: a number in [0, 100) against the running total of the percentages. The simulator and
 * flow tests give a seeded source (the same seed, the same outcome); the service draws with Math.random.
 */
export const distributeByPercentage = defineBehaviour<unknown>({
  type: 'distributeByPercentage',
  enter(ctx) {
    const shares = percentShares(ctx.settings).filter((share) => share.percent > 0);
    const draw = (ctx.env.random ?? Math.random)() * 100;
    let total = 0;
    for (const share of shares) {
      total += share.percent;
      if (draw < total) return { outcome: share.outcome, note: noteFor(draw, share) };
    }
    // Shares that add up to less than 100 (CF210, a flow that skipped lint): the last share takes the rest.
    const last = shares.at(-1);
    if (last) return { outcome: last.outcome, note: noteFor(draw, last) };
    return { end: 'disconnect', note: 'no share above 0%: nothing to draw' };
  },
});

function noteFor(draw: number, share: { outcome: string; percent: number }): string {
  return `drew ${draw.toFixed(2)} of 100: "${share.outcome}" (${share.percent}%)`;
}
