import type { Edge } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import type { FlowTraffic } from '../api/client';
import { edgeWidth, MAX_EDGE_WIDTH, MIN_EDGE_WIDTH, withTraffic } from './traffic-edges';
import { periodOf } from './traffic-period';

const block = (entered: number, outcomes: Record<string, number>, hungUp = 0) => ({
  entered,
  outcomes,
  hungUp,
  left: 0,
  ended: 0,
  inBlock: 0,
  time: { count: entered, totalMs: 0, meanMs: 0, p90Ms: 0 },
});

const traffic: FlowTraffic = {
  flowId: 'f',
  version: 1,
  from: '2026-01-01T00:00:00.000Z',
  to: '2026-01-02T00:00:00.000Z',
  calls: 10,
  blocks: { menu: block(10, { '1': 8, '2': 2 }) },
};

const edge = (source: string, outcome: string): Edge => ({
  id: `${source}::${outcome}`,
  source,
  target: 'x',
  ariaLabel: `${source} ${outcome} to x`,
});

describe('traffic on the canvas', () => {
  it('labels each wire with its calls and widens it in proportion to the busiest', () => {
    const drawn = withTraffic([edge('menu', '1'), edge('menu', '2'), edge('menu', 'timeout')], traffic);
    expect(drawn.map((e) => e.label)).toEqual(['8', '2', '0']);
    expect(drawn.map((e) => e.style?.strokeWidth)).toEqual([
      MAX_EDGE_WIDTH,
      (2 / 8) * MAX_EDGE_WIDTH,
      MIN_EDGE_WIDTH,
    ]);
    expect(drawn[2]?.className).toContain('no-traffic');
    expect(drawn[0]?.ariaLabel).toBe('menu 1 to x: 8 calls');
  });

  it('keeps a wire a few calls took visibly wider than one none took', () => {
    expect(edgeWidth(1, 10_000)).toBeGreaterThan(MIN_EDGE_WIDTH);
    expect(edgeWidth(0, 0)).toBe(MIN_EDGE_WIDTH);
  });

  it('asks for the period chosen: a span ending now, or the custom dates; none while one is missing', () => {
    const now = Date.parse('2026-03-02T09:00:00Z');
    expect(periodOf('hour', now)).toEqual({
      from: '2026-03-02T08:00:00.000Z',
      to: '2026-03-02T09:01:00.000Z',
    });
    expect(periodOf('week', now)?.from).toBe('2026-02-23T09:00:00.000Z');
    expect(periodOf('custom', now, { from: '2026-03-01T00:00Z', to: '' })).toBeNull();
  });
});
