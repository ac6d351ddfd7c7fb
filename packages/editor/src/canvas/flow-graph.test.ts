import type { Flow } from '@callflow/model';
import { describe, expect, it } from 'vitest';
import {
  blockIdOfPath,
  blockView,
  edgeId,
  flowEdges,
  groupProblemsByBlock,
  parseEdgeId,
  positionsOf,
  searchBlocks,
} from './flow-graph';
import { paletteGroups } from './palette-items';

const flow: Flow = {
  formatVersion: 1,
  id: 'f',
  name: 'F',
  type: 'inbound',
  start: 'hello',
  blocks: {
    hello: {
      type: 'playPrompt',
      settings: { prompt: { text: 'Welcome to Acme' } },
      next: { success: 'menu' },
    },
    menu: {
      type: 'menu',
      label: 'Main menu',
      settings: {
        prompt: { text: 'Press 1' },
        options: [{ digit: '1', label: 'Sales' }],
        timeoutSeconds: 5,
        retries: 1,
      },
      next: { '1': 'gone', bogus: 'hello' },
    },
  },
  layout: { hello: { x: 0, y: 0 } },
};

describe('block view', () => {
  it('shows one handle per outcome, marking unwired required outcomes and wires to missing blocks', () => {
    const view = blockView(flow, 'hello', flow.blocks.hello!);
    expect(view.isStart).toBe(true);
    expect(view.summary).toContain('Welcome to Acme');
    expect(view.outcomes.map((o) => [o.name, o.broken])).toEqual([
      ['success', false],
      ['error', true],
    ]);
    const menu = blockView(flow, 'menu', flow.blocks.menu!);
    expect(menu.outcomes.find((o) => o.name === '1')).toMatchObject({
      label: '1 Sales',
      target: 'gone',
      broken: true,
    });
    expect(menu.outcomes.find((o) => o.name === 'bogus')).toMatchObject({ broken: true });
  });

  it('counts the problems located on the block', () => {
    const problems = groupProblemsByBlock([
      { code: 'CF202', severity: 'error', message: 'x', path: '/blocks/hello/next/error' },
      { code: 'CF204', severity: 'warning', message: 'y', path: '/blocks/menu', blockId: 'menu' },
      { code: 'CF400', severity: 'error', message: 'z', path: '/popover' },
    ]);
    expect([...problems.keys()]).toEqual(['hello', 'menu']);
    const view = blockView(flow, 'hello', flow.blocks.hello!, problems.get('hello'));
    expect(view.errors).toBe(1);
    expect(blockIdOfPath('/blocks/a~1b/settings')).toBe('a/b');
  });
});

describe('edges', () => {
  it('has one edge per wired outcome to an existing block', () => {
    expect(flowEdges(flow).map((e) => e.id)).toEqual(['hello::success', 'menu::bogus']);
    expect(parseEdgeId(edgeId('a-b', 'noMatch'))).toEqual({ source: 'a-b', outcome: 'noMatch' });
  });
});

describe('positions', () => {
  it('keeps saved positions and places the rest below them', () => {
    const positions = positionsOf(flow);
    expect(positions.get('hello')).toEqual({ x: 0, y: 0 });
    expect(positions.get('menu')!.y).toBeGreaterThan(0);
  });
});

describe('block search', () => {
  it('finds blocks by id, label, title or summary, id matches first', () => {
    expect(searchBlocks(flow, 'menu').map((v) => v.blockId)).toEqual(['menu']);
    expect(searchBlocks(flow, 'acme').map((v) => v.blockId)).toEqual(['hello']);
    expect(searchBlocks(flow, 'play prompt').map((v) => v.blockId)).toEqual(['hello']);
    expect(searchBlocks(flow, '  ')).toEqual([]);
  });
});

describe('palette', () => {
  it('offers only the blocks the flow type allows, grouped in catalog order', () => {
    const whisper = paletteGroups('agent-whisper').flatMap((g) => g.blocks.map((b) => b.type));
    expect(whisper).not.toContain('menu');
    expect(whisper).toContain('playPrompt');
    const inbound = paletteGroups('inbound');
    expect(inbound[0]?.title).toBe('Interact');
  });

  it('filters by the search text', () => {
    const found = paletteGroups('inbound', 'transfer').flatMap((g) => g.blocks.map((b) => b.type));
    expect(found).toContain('transferToNumber');
    expect(found).not.toContain('playPrompt');
  });
});
