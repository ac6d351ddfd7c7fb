import { describe, expect, it } from 'vitest';
import { blocksPath, union, viewBox } from './large-minimap';

describe('the mini map of a large flow', () => {
  it('draws every block as one path and knows their bounds', () => {
    const { d, bounds, count } = blocksPath([
      { x: 0, y: 0, width: 100, height: 50 },
      { x: 300.4, y: -20, width: 100, height: 80 },
    ]);
    expect(d).toBe('M0 0h100v50h-100ZM300 -20h100v80h-100Z');
    expect(count).toBe(2);
    expect(bounds).toEqual({ x: 0, y: -20, width: 400.4, height: 80 });
    expect(blocksPath([])).toEqual({ d: '', bounds: null, count: 0 });
  });

  it('turns the transform into the part of the flow in view, and holds both', () => {
    const view = viewBox([-200, -100, 0.5], 800, 600);
    expect(view).toEqual({ x: 400, y: 200, width: 1600, height: 1200 });
    expect(union({ x: 0, y: 0, width: 100, height: 100 }, view)).toEqual({
      x: 0,
      y: 0,
      width: 2000,
      height: 1400,
    });
  });
});
