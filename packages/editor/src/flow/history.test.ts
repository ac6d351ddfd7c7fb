import { describe, expect, it } from 'vitest';
import { HISTORY_LIMIT, record, redo, startHistory, undo } from './history';

describe('undo history', () => {
  it('undoes and redoes whole documents', () => {
    let h = startHistory('a');
    h = record(h, 'b');
    h = record(h, 'c');
    h = undo(h);
    expect(h.present).toBe('b');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(undo(h)).toBe(h);
    h = redo(h);
    expect(h.present).toBe('b');
  });

  it('forgets the redo branch after a new edit', () => {
    let h = record(record(startHistory('a'), 'b'), 'c');
    h = record(undo(h), 'd');
    expect(h.future).toEqual([]);
    expect(redo(h)).toBe(h);
  });

  it('merges consecutive edits of one field into one step', () => {
    let h = startHistory('');
    h = record(h, 'H', 'name');
    h = record(h, 'He', 'name');
    h = record(h, 'Hey', 'name');
    expect(undo(h).present).toBe('');
    h = record(h, 'x', 'other');
    expect(undo(h).present).toBe('Hey');
  });

  it('keeps a bounded number of steps', () => {
    let h = startHistory(0);
    for (let i = 1; i <= HISTORY_LIMIT + 10; i++) h = record(h, i);
    expect(h.past.length).toBe(HISTORY_LIMIT);
  });
});
