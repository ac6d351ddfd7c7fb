import { describe, expect, it } from 'vitest';
import { minimalReplacement, readFlowText } from './text-sync';

describe('minimal replacement', () => {
  it('replaces only the changed middle, so the editor keeps its cursor elsewhere', () => {
    const before = '{\n  "name": "Main",\n  "x": 1\n}\n';
    const after = '{\n  "name": "Sales",\n  "x": 1\n}\n';
    const change = minimalReplacement(before, after)!;
    expect(before.slice(0, change.start) + change.text + before.slice(change.end)).toBe(after);
    expect(change.text).toBe('Sales');
    expect(minimalReplacement(after, after)).toBeNull();
  });

  it('handles insertions and deletions at the ends', () => {
    for (const [a, b] of [
      ['abc', 'abcd'],
      ['abcd', 'abc'],
      ['abc', 'xabc'],
      ['', 'x'],
    ] as const) {
      const c = minimalReplacement(a, b)!;
      expect(a.slice(0, c.start) + c.text + a.slice(c.end)).toBe(b);
    }
  });
});

describe('reading edited JSON', () => {
  it('reports where the JSON breaks and applies nothing', () => {
    const result = readFlowText('{\n  "id": "x",\n  oops\n}');
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ reason: 'parse' });
  });

  it('refuses a document the schema rejects', () => {
    const result = readFlowText(
      JSON.stringify({ formatVersion: 1, id: 'x', name: 'X', type: 'nope', start: 'a', blocks: {} }),
    );
    expect(result).toMatchObject({ ok: false, reason: 'schema' });
  });

  it('does not let the text rename the flow', () => {
    const flow = {
      formatVersion: 1,
      id: 'y',
      name: 'X',
      type: 'inbound',
      start: 'a',
      blocks: { a: { type: 'disconnect', settings: {} } },
    };
    expect(readFlowText(JSON.stringify(flow), 'x')).toMatchObject({ ok: false, reason: 'id' });
  });

  it('accepts a valid flow', () => {
    const flow = {
      formatVersion: 1,
      id: 'x',
      name: 'X',
      type: 'inbound',
      start: 'a',
      blocks: { a: { type: 'disconnect', settings: {} } },
    };
    expect(readFlowText(JSON.stringify(flow))).toEqual({ ok: true, flow });
  });
});
