import type { Flow } from '@callflow/model';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { block, flow, resources, say } from '../engine/test-support/fixtures.js';
import { createSimulator } from '../simulator/simulator.js';
import type { BlockContext } from './behaviour.js';
import { distributeByPercentage } from './distribute-by-percentage.js';

const split = (shares: { outcome: string; percent: number }[]): Flow =>
  flow('ab', 'inbound', 'split', {
    split: block(
      'distributeByPercentage',
      { shares },
      Object.fromEntries(shares.map((s) => [s.outcome, `play-${s.outcome}`])),
    ),
    ...Object.fromEntries(
      shares.map((s) => [
        `play-${s.outcome}`,
        block('playPrompt', say(`branch ${s.outcome}`), { success: 'bye', error: 'bye' }),
      ]),
    ),
    bye: block('disconnect'),
  });

/** The outcome each of `calls` calls took, on one simulator seeded with `seed`. */
function outcomes(f: Flow, calls: number, seed: number): string[] {
  const sim = createSimulator({ resources: resources(), flows: [f], seed });
  return Array.from({ length: calls }, () => {
    const id = sim.startCall({ flow: f.id, from: '+12015550199', to: '+12015550100' });
    return sim.trace(id).find((t) => t.block === 'split' && t.outcome)?.outcome ?? 'none';
  });
}

const count = (list: string[], value: string) => list.filter((v) => v === value).length;

describe('Distribute by percentage', () => {
  afterEach(() => vi.restoreAllMocks());

  it('sends each share of the calls to its outcome', () => {
    const taken = outcomes(
      split([
        { outcome: 'trial', percent: 10 },
        { outcome: 'usual', percent: 90 },
      ]),
      2000,
      7,
    );
    // 10% of 2000 is 200; a uniform draw stays well within ±60 (over 4 standard deviations).
    expect(count(taken, 'trial')).toBeGreaterThan(140);
    expect(count(taken, 'trial')).toBeLessThan(260);
    expect(count(taken, 'trial') + count(taken, 'usual')).toBe(2000);
  });

  it('takes the same outcomes under the same seed, and others under another seed', () => {
    const f = split([
      { outcome: 'a', percent: 50 },
      { outcome: 'b', percent: 50 },
    ]);
    expect(outcomes(f, 40, 3)).toEqual(outcomes(f, 40, 3));
    expect(outcomes(f, 40, 3)).not.toEqual(outcomes(f, 40, 4));
  });

  it('never takes a share of 0%, and always a share of 100%', () => {
    const taken = outcomes(
      split([
        { outcome: 'off', percent: 0 },
        { outcome: 'all', percent: 100 },
      ]),
      300,
      1,
    );
    expect(new Set(taken)).toEqual(new Set(['all']));
  });

  it('notes the draw and the share in the trace, and plays the branch', () => {
    const f = split([
      { outcome: 'a', percent: 30 },
      { outcome: 'b', percent: 70 },
    ]);
    const sim = createSimulator({ resources: resources(), flows: [f], seed: 1 });
    const id = sim.startCall({ flow: f.id, from: '+12015550199', to: '+12015550100' });
    const entry = sim.trace(id).find((t) => t.block === 'split');
    expect(entry?.note).toMatch(/^drew \d+\.\d\d of 100: "(a" \(30%\)|b" \(70%\))$/);
    const played = sim.events.filter((e) => e.type === 'play').map((e) => JSON.stringify(e.detail));
    expect(played.join()).toContain(`branch ${entry?.outcome}`);
  });

  it('draws with Math.random where no seeded source is given (the service)', () => {
    const random = vi.spyOn(Math, 'random');
    const ctx = (value: number) => {
      random.mockReturnValueOnce(value);
      return {
        env: {},
        settings: {
          shares: [
            { outcome: 'a', percent: 25 },
            { outcome: 'b', percent: 75 },
          ],
        },
      } as unknown as BlockContext;
    };
    expect(distributeByPercentage.enter(ctx(0.2499))).toMatchObject({ outcome: 'a' });
    expect(distributeByPercentage.enter(ctx(0.25))).toMatchObject({ outcome: 'b' });
    expect(distributeByPercentage.enter(ctx(0.9999))).toMatchObject({ outcome: 'b' });
    expect(random).toHaveBeenCalledTimes(3);
  });
});
