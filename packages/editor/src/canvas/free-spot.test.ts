import { describe, expect, it } from 'vitest';
import { freeSpot, type Rect } from './free-spot';

const size = { width: 240, height: 100 };
const view: Rect = { x: 0, y: 0, width: 1000, height: 700 };
const hits = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('freeSpot', () => {
  it('keeps the wanted place when it is in view and clear', () => {
    expect(freeSpot([], size, { x: 100, y: 100 }, view)).toEqual({ x: 100, y: 100 });
  });

  it('never lands on a block: moves to the nearest clear place in view', () => {
    const taken = [{ x: 100, y: 100, width: 240, height: 100 }];
    const at = freeSpot(taken, size, { x: 108, y: 108 }, view);
    expect(hits({ ...at, ...size }, taken[0]!)).toBe(false);
    expect(at.x >= 0 && at.y >= 0 && at.x + 240 <= 1000 && at.y + 100 <= 700).toBe(true);
  });

  it('takes the size of a group given as its bounds (which carry their own x and y)', () => {
    const taken = [{ x: 100, y: 100, width: 240, height: 100 }];
    const group: Rect = { x: 100, y: 100, width: 240, height: 100 };
    const at = freeSpot(taken, group, { x: 140, y: 140 }, view);
    expect(hits({ ...at, width: 240, height: 100 }, taken[0]!)).toBe(false);
  });

  it('brings a place outside the view into it', () => {
    const at = freeSpot([], size, { x: 5000, y: -3000 }, view);
    expect(at).toEqual({ x: 760, y: 0 });
  });

  it('finds the one clear place left in a crowded view', () => {
    const taken: Rect[] = [];
    for (let x = 0; x < 1000; x += 250)
      for (let y = 0; y < 700; y += 120)
        if (!(x === 500 && y === 480)) taken.push({ x, y, width: 240, height: 100 });
    const at = freeSpot(taken, { width: 150, height: 60 }, { x: 0, y: 0 }, view);
    for (const t of taken) expect(hits({ ...at, width: 150, height: 60 }, t)).toBe(false);
  });
});
