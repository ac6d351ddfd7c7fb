import type { Flow } from '@callflow/model';
import { describe, expect, it } from 'vitest';
import { positionsOf } from '../canvas/flow-graph';
import { moveBlocks, removeBlocks, renameBlock } from '../flow/flow-edits';
import {
  ATTACHED_OFFSET,
  addNote,
  detachNote,
  dropNote,
  notePositions,
  removeNotes,
  setNoteColor,
  setNoteText,
} from './note-edits';
import { buildNoteNodes, noteIdOf, noteNodeId } from './note-nodes';
import { searchNotes } from './search-notes';

function sample(): Flow {
  return {
    formatVersion: 1,
    id: 'main',
    name: 'Main',
    type: 'inbound',
    start: 'welcome',
    blocks: {
      welcome: { type: 'playPrompt', settings: { prompt: { text: 'Hi' } }, next: { success: 'bye' } },
      bye: { type: 'disconnect', settings: {} },
    },
    layout: { welcome: { x: 100, y: 200 }, bye: { x: 500, y: 200 } },
  };
}

describe('note edits', () => {
  it('adds a free note where asked, or attached above a block', () => {
    const free = addNote(sample(), { x: 10, y: 20 });
    expect(free.id).toBe('note-1');
    expect(free.flow.notes).toEqual({ 'note-1': { text: '', x: 10, y: 20 } });
    const attached = addNote(free.flow, { x: 0, y: 0 }, 'welcome');
    expect(attached.id).toBe('note-2');
    expect(attached.flow.notes!['note-2']).toEqual({ text: '', block: 'welcome', ...ATTACHED_OFFSET });
  });

  it('places an attached note from its block, so moving the block moves it and leaves notes untouched', () => {
    const { flow } = addNote(sample(), { x: 0, y: 0 }, 'welcome');
    const moved = moveBlocks(flow, { welcome: { x: 300, y: 400 } });
    expect(moved.notes).toBe(flow.notes);
    expect(notePositions(moved, positionsOf(moved)).get('note-1')).toEqual({
      x: 300 + ATTACHED_OFFSET.x,
      y: 400 + ATTACHED_OFFSET.y,
    });
    // While the block is dragged, the note follows its drag position.
    expect(notePositions(flow, positionsOf(flow), { welcome: { x: 1, y: 2 } }).get('note-1')).toEqual({
      x: 1 + ATTACHED_OFFSET.x,
      y: 2 + ATTACHED_OFFSET.y,
    });
  });

  it('detaches notes of a deleted block where they were, and follows a renamed block', () => {
    const { flow } = addNote(sample(), { x: 0, y: 0 }, 'welcome');
    const deleted = removeBlocks(flow, ['welcome']);
    expect(deleted.notes).toEqual({ 'note-1': { text: '', x: 100, y: 200 + ATTACHED_OFFSET.y } });
    const renamed = renameBlock(flow, 'welcome', 'greeting');
    expect(renamed.notes!['note-1']!.block).toBe('greeting');
  });

  it('attaches a note dropped onto a block; a dropped attached note keeps its block at the new offset', () => {
    const { flow } = addNote(sample(), { x: 0, y: 0 });
    const attached = dropNote(flow, 'note-1', { x: 510, y: 210 }, 'bye');
    expect(attached.notes!['note-1']).toEqual({ text: '', block: 'bye', ...ATTACHED_OFFSET });
    const nudged = dropNote(attached, 'note-1', { x: 520.4, y: 30 });
    expect(nudged.notes!['note-1']).toEqual({ text: '', block: 'bye', x: 20, y: -170 });
    const free = detachNote(nudged, 'note-1');
    expect(free.notes!['note-1']).toEqual({ text: '', x: 520, y: 30 });
  });

  it('edits text and colour (yellow is the default, left out) and removes notes', () => {
    const { flow } = addNote(sample(), { x: 0, y: 0 });
    const written = setNoteText(flow, 'note-1', 'Check the hours');
    expect(written.notes!['note-1']!.text).toBe('Check the hours');
    expect(setNoteText(written, 'note-1', 'Check the hours')).toBe(written);
    const blue = setNoteColor(written, 'note-1', 'blue');
    expect(blue.notes!['note-1']!.color).toBe('blue');
    expect(setNoteColor(blue, 'note-1', 'yellow').notes!['note-1']).not.toHaveProperty('color');
    expect(removeNotes(blue, ['note-1'])).not.toHaveProperty('notes');
  });

  it('finds notes by their text', () => {
    let { flow } = addNote(sample(), { x: 0, y: 0 });
    flow = setNoteText(flow, 'note-1', 'Ask Dana before\nchanging the menu');
    expect(searchNotes(flow, 'dana')).toEqual([
      { noteId: 'note-1', excerpt: 'Ask Dana before changing the menu' },
    ]);
    expect(searchNotes(flow, 'nothing')).toEqual([]);
  });

  it('builds note nodes apart from block ids, reusing them while nothing changed', () => {
    const { flow } = addNote(sample(), { x: 0, y: 0 }, 'welcome');
    const first = buildNoteNodes(flow, positionsOf(flow), {}, [], new Map());
    expect(first.nodes.map((n) => n.id)).toEqual([noteNodeId('note-1')]);
    expect(noteIdOf(first.nodes[0]!.id)).toBe('note-1');
    expect(noteIdOf('welcome')).toBeUndefined();
    const again = buildNoteNodes(flow, positionsOf(flow), {}, [], first.cache);
    expect(again.nodes[0]).toBe(first.nodes[0]);
    const dragged = buildNoteNodes(flow, positionsOf(flow), { welcome: { x: 0, y: 0 } }, [], first.cache);
    expect(dragged.nodes[0]!.position).toEqual(ATTACHED_OFFSET);
  });
});
