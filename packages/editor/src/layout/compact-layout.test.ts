import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Flow } from '@callflow/model';
import { describe, expect, it } from 'vitest';
import { blockSize } from '../canvas/block-geometry';
import { NODE_WIDTH } from '../canvas/flow-graph';
import { compactLayout, layersOf } from './compact-layout';

const flowsDir = join(__dirname, '../../../../flows');
const samples = readdirSync(flowsDir)
  .filter((f) => f.endsWith('.flow.json'))
  .map((f) => JSON.parse(readFileSync(join(flowsDir, f), 'utf8')) as Flow);
/** The canvas at 1440x900 with the palette hidden (side panel shown), and with both panels shown. */
const PALETTE_HIDDEN = { width: 1040, height: 850 };
/** The canvas at 1440x900 in full-canvas mode. */
const FULL_CANVAS = { width: 1440, height: 850 };

function chain(count: number): Flow {
  const blocks: Flow['blocks'] = {};
  for (let i = 0; i < count; i++) {
    blocks[`step-${i}`] =
      i === count - 1
        ? { type: 'disconnect', settings: {} }
        : { type: 'playPrompt', settings: { prompt: { text: 'Hi' } }, next: { success: `step-${i + 1}` } };
  }
  return { formatVersion: 1, id: 'chain', name: 'Chain', type: 'inbound', start: 'step-0', blocks } as Flow;
}

function overlaps(flow: Flow, positions: Record<string, { x: number; y: number }>): string[] {
  const boxes = Object.entries(positions).map(([id, p]) => ({
    id,
    ...p,
    w: NODE_WIDTH,
    h: blockSize(5).height,
  }));
  const found: string[] = [];
  for (const a of boxes)
    for (const b of boxes)
      if (a.id < b.id && a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + 40 && b.y < a.y + 40)
        found.push(`${a.id}/${b.id}`);
  return Object.keys(flow.blocks).length > 0 ? found : [];
}

describe('compactLayout', () => {
  it('lays every sample flow out whole at a readable zoom on a 1440x900 screen (palette hidden)', () => {
    for (const flow of samples) {
      const { positions, shape } = compactLayout(flow, PALETTE_HIDDEN);
      expect(Object.keys(positions).sort(), flow.id).toEqual(Object.keys(flow.blocks).sort());
      expect(shape.zoom, `${flow.id} ${JSON.stringify(shape)}`).toBeGreaterThanOrEqual(0.6);
    }
  });

  it('never puts two blocks on top of each other', () => {
    for (const flow of [...samples, chain(30)]) {
      const { positions } = compactLayout(flow, PALETTE_HIDDEN);
      const seen = new Set(Object.values(positions).map((p) => `${p.x},${p.y}`));
      expect(seen.size, flow.id).toBe(Object.keys(positions).length);
      expect(overlaps(flow, positions), flow.id).toEqual([]);
    }
  });

  it('goes top-down: a block is below the block that leads to it when they share a band', () => {
    const flow = samples.find((f) => f.id === 'support-queue')!;
    const { positions, shape } = compactLayout(flow, PALETTE_HIDDEN);
    expect(shape.bands).toBe(1);
    for (const [id, block] of Object.entries(flow.blocks)) {
      for (const target of Object.values(block.next ?? {})) {
        const [from, to] = [positions[id]!, positions[target]!];
        if (
          layersOf(flow).findIndex((l) => l.includes(target)) >
          layersOf(flow).findIndex((l) => l.includes(id))
        )
          expect(to.y, `${id} -> ${target}`).toBeGreaterThan(from.y);
      }
    }
  });

  it('wraps a long chain into bands side by side instead of one long column', () => {
    const { positions, shape } = compactLayout(chain(30), FULL_CANVAS);
    expect(shape.bands).toBeGreaterThan(1);
    expect(shape.zoom).toBeGreaterThanOrEqual(0.6);
    // The chain continues at the top of the next band.
    const xs = new Set(Object.values(positions).map((p) => p.x));
    expect(xs.size).toBe(shape.bands);
  });

  it('puts the outcomes of a block side by side in one layer, in display order', () => {
    const flow = samples.find((f) => f.id === 'sales-inbound')!;
    const layers = layersOf(flow);
    expect(layers[0]).toEqual([flow.start]);
    const { positions } = compactLayout(flow, PALETTE_HIDDEN);
    const second = layers[1]!;
    if (second.length > 1) expect(positions[second[0]!]!.x).toBeLessThan(positions[second[1]!]!.x);
  });

  it('gives the same positions for the same flow and canvas', () => {
    const flow = samples.find((f) => f.id === 'support-inbound')!;
    expect(compactLayout(flow, PALETTE_HIDDEN)).toEqual(compactLayout(flow, PALETTE_HIDDEN));
  });

  it('places blocks the start does not reach below the others', () => {
    const flow = chain(3);
    flow.blocks.orphan = { type: 'disconnect', settings: {} };
    const { positions } = compactLayout(flow, PALETTE_HIDDEN);
    expect(positions.orphan!.y).toBeGreaterThan(positions['step-2']!.y);
  });
});
