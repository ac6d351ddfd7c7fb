import { describe, expect, it } from 'vitest';
import {
  BLOCK_ROWS,
  blockHandles,
  blockSize,
  compactName,
  inputAnchor,
  outcomeAnchor,
} from './block-geometry';
import { NODE_WIDTH } from './flow-graph';

const outcomes = [{ name: 'success' }, { name: 'error' }, { name: 'timeout' }];

describe('block geometry', () => {
  it('grows a block by one row per outcome, and leaves the outcome list out of a block without any', () => {
    const ending = blockSize(0);
    const one = blockSize(1);
    const three = blockSize(3);
    expect(ending.width).toBe(NODE_WIDTH);
    expect(three.height - one.height).toBe(2 * BLOCK_ROWS.outcome);
    expect(one.height - ending.height).toBe(
      BLOCK_ROWS.outcomesBorder + 2 * BLOCK_ROWS.outcomesPadding + BLOCK_ROWS.outcome,
    );
  });

  it('puts the input on the middle of the left edge and one output per outcome row on the right', () => {
    const handles = blockHandles(outcomes);
    const { height } = blockSize(outcomes.length);
    const input = handles.find((h) => h.id === 'in');
    expect(input).toMatchObject({ type: 'target', position: 'left' });
    expect((input?.y ?? 0) + (input?.height ?? 0) / 2).toBe(height / 2);
    const outputs = handles.filter((h) => h.type === 'source');
    expect(outputs.map((h) => h.id)).toEqual(['success', 'error', 'timeout']);
    expect(new Set(outputs.map((h) => h.x)).size).toBe(1);
    expect((outputs[0]?.x ?? 0) > NODE_WIDTH - 10).toBe(true);
    expect((outputs[1]?.y ?? 0) - (outputs[0]?.y ?? 0)).toBe(BLOCK_ROWS.outcome);
    expect((outputs[2]?.y ?? 0) + (outputs[2]?.height ?? 0)).toBeLessThan(height);
  });

  it('starts and ends wires where React Flow does: the outer edge of a handle, at its middle', () => {
    const handles = blockHandles(outcomes);
    const error = handles.find((h) => h.id === 'error');
    expect(outcomeAnchor(1)).toEqual({
      x: (error?.x ?? 0) + (error?.width ?? 0),
      y: (error?.y ?? 0) + (error?.height ?? 0) / 2,
    });
    const input = handles.find((h) => h.id === 'in');
    expect(inputAnchor(blockSize(outcomes.length).height)).toEqual({
      x: input?.x,
      y: (input?.y ?? 0) + (input?.height ?? 0) / 2,
    });
  });

  it('cuts a long name to what a compact block shows', () => {
    expect(compactName('main-menu')).toBe('main-menu');
    const cut = compactName('main-menu-after-hours');
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(14);
    expect('main-menu-after-hours'.startsWith(cut.slice(0, -1))).toBe(true);
  });
});
