import type { Flow } from '@callflow/model';
import { describe, expect, it } from 'vitest';
import {
  addBlock,
  checkBlockId,
  connect,
  copyBlocks,
  disconnect,
  idBaseForType,
  moveBlocks,
  newFlow,
  pasteBlocks,
  removeBlocks,
  renameBlock,
  setBlockLabel,
  setStart,
  uniqueBlockId,
  updateSettings,
} from './flow-edits';

function sample(): Flow {
  return {
    $schema: '../schemas/flow.schema.json',
    formatVersion: 1,
    id: 'main',
    name: 'Main',
    type: 'inbound',
    start: 'welcome',
    blocks: {
      welcome: {
        type: 'playPrompt',
        settings: { prompt: { text: 'Hi' } },
        next: { success: 'menu', error: 'bye' },
      },
      menu: {
        type: 'menu',
        settings: {
          prompt: { text: 'Press 1' },
          options: [{ digit: '1' }, { digit: '2' }],
          timeoutSeconds: 5,
          retries: 2,
        },
        next: { '1': 'bye', '2': 'bye', timeout: 'bye', noMatch: 'bye', error: 'bye' },
      },
      bye: { type: 'disconnect', settings: {} },
    },
    layout: { welcome: { x: 0, y: 0 }, menu: { x: 300, y: 0 }, bye: { x: 600, y: 0 } },
  };
}

describe('adding blocks', () => {
  it('derives readable, unique ids from the block type', () => {
    expect(idBaseForType('playPrompt')).toBe('play-prompt');
    expect(idBaseForType('transferToNumber')).toBe('transfer-to-number');
    expect(uniqueBlockId({ 'play-prompt': 1, 'play-prompt-2': 1 }, 'play-prompt')).toBe('play-prompt-3');
  });

  it('adds catalog defaults at the drop point, and the first block of an empty flow becomes the start', () => {
    const empty = newFlow('fresh', 'Fresh', 'inbound');
    const { flow, id } = addBlock(empty, 'playPrompt', { x: 10.4, y: 20.6 });
    expect(id).toBe('play-prompt');
    expect(flow.start).toBe('play-prompt');
    expect(flow.blocks[id]?.settings).toHaveProperty('prompt');
    expect(flow.layout?.[id]).toEqual({ x: 10, y: 21 });
    const second = addBlock(flow, 'playPrompt', { x: 0, y: 0 });
    expect(second.id).toBe('play-prompt-2');
    expect(second.flow.start).toBe('play-prompt');
    expect(empty.blocks).toEqual({});
  });
});

describe('removing blocks', () => {
  it('drops the block, its position and every wire into it', () => {
    const flow = removeBlocks(sample(), ['bye']);
    expect(flow.blocks.bye).toBeUndefined();
    expect(flow.layout?.bye).toBeUndefined();
    expect(flow.blocks.welcome?.next).toEqual({ success: 'menu' });
    expect(flow.blocks.menu?.next).toBeUndefined();
  });

  it('leaves the flow without a start when the start is deleted: no other block is promoted', () => {
    const flow = removeBlocks(sample(), ['welcome']);
    expect(flow.start).toBe('welcome');
    expect(flow.blocks.welcome).toBeUndefined();
    // A block added afterwards does not become the start either: only the first block of an empty flow.
    expect(addBlock(flow, 'playPrompt', { x: 0, y: 0 }).flow.start).toBe('welcome');
  });
});

describe('wiring', () => {
  it('gives an outcome one target: wiring again replaces it', () => {
    const flow = connect(sample(), 'welcome', 'success', 'bye');
    expect(flow.blocks.welcome?.next?.success).toBe('bye');
    expect(connect(flow, 'welcome', 'success', 'nowhere')).toBe(flow);
  });

  it('unwires an outcome, removing `next` when it becomes empty', () => {
    const once = disconnect(sample(), 'welcome', 'success');
    expect(once.blocks.welcome?.next).toEqual({ error: 'bye' });
    expect(disconnect(once, 'welcome', 'error').blocks.welcome).not.toHaveProperty('next');
  });
});

describe('moving', () => {
  it('changes only the layout section', () => {
    const before = sample();
    const after = moveBlocks(before, { menu: { x: 320.2, y: 40 } });
    expect(after.layout?.menu).toEqual({ x: 320, y: 40 });
    expect(after.blocks).toBe(before.blocks);
    expect(moveBlocks(after, { menu: { x: 320, y: 40 } })).toBe(after);
  });
});

describe('settings', () => {
  it('drops the wire of a menu option that was removed', () => {
    const flow = sample();
    const menu = flow.blocks.menu!;
    const after = updateSettings(flow, 'menu', { ...menu.settings, options: [{ digit: '1' }] });
    expect(after.blocks.menu?.next).not.toHaveProperty('2');
    expect(after.blocks.menu?.next).toHaveProperty('1', 'bye');
  });

  it('sets and clears a block label', () => {
    const labelled = setBlockLabel(sample(), 'menu', 'Main menu');
    expect(labelled.blocks.menu?.label).toBe('Main menu');
    expect(setBlockLabel(labelled, 'menu', '').blocks.menu).not.toHaveProperty('label');
  });

  it('sets the start block', () => {
    expect(setStart(sample(), 'menu').start).toBe('menu');
  });
});

describe('renaming a block', () => {
  it('updates its key in place, every wire, the layout and the start', () => {
    const flow = renameBlock(sample(), 'welcome', 'greeting');
    expect(Object.keys(flow.blocks)).toEqual(['greeting', 'menu', 'bye']);
    expect(flow.start).toBe('greeting');
    expect(flow.layout).toHaveProperty('greeting');
    const renamed = renameBlock(flow, 'bye', 'goodbye');
    expect(renamed.blocks.menu?.next?.['1']).toBe('goodbye');
    expect(renamed.blocks.greeting?.next?.error).toBe('goodbye');
  });

  it('refuses ids that are taken or malformed', () => {
    expect(checkBlockId(sample(), 'welcome', 'menu')).toMatchObject({ ok: false });
    expect(checkBlockId(sample(), 'welcome', 'Bad Id')).toMatchObject({ ok: false });
    expect(renameBlock(sample(), 'welcome', 'menu').blocks.welcome).toBeDefined();
  });
});

describe('copy and paste', () => {
  it('pastes under fresh ids, keeps wiring between the copies and to existing blocks', () => {
    const flow = sample();
    const clip = copyBlocks(flow, ['welcome', 'menu']);
    const { flow: pasted, ids } = pasteBlocks(flow, clip, { x: 40, y: 40 });
    expect(ids).toEqual(['welcome-2', 'menu-2']);
    expect(pasted.blocks['welcome-2']?.next).toEqual({ success: 'menu-2', error: 'bye' });
    expect(pasted.layout?.['menu-2']).toEqual({ x: 340, y: 40 });
    expect(pasted.start).toBe('welcome');
  });

  it('drops wires to blocks that do not exist in the destination', () => {
    const clip = copyBlocks(sample(), ['welcome']);
    const target = newFlow('other', 'Other', 'inbound');
    const { flow, ids } = pasteBlocks(target, clip, { x: 0, y: 0 });
    expect(flow.blocks[ids[0]!]).not.toHaveProperty('next');
    expect(flow.start).toBe(ids[0]);
  });
});
