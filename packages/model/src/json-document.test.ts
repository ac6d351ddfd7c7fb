import { describe, expect, it } from 'vitest';
import { MAX_FLOW_FILE_BYTES } from './flow.js';
import { MAX_JSON_DEPTH, parseJsonDocument } from './json-document.js';

/** Building 50 MB strings takes seconds on a busy machine; only the parse itself must be quick. */
const BIG_INPUT_TIMEOUT_MS = 60_000;

const codes = (text: string) => parseJsonDocument(text).problems.map((p) => p.code);

describe('parseJsonDocument', () => {
  it('parses strict JSON and locates pointers at their key', () => {
    const text = '{\n  "id": "main",\n  "blocks": {\n    "a/b": { "list": [1, 2, 3] }\n  }\n}\n';
    const doc = parseJsonDocument(text);
    expect(doc.problems).toEqual([]);
    expect(doc.value).toEqual({ id: 'main', blocks: { 'a/b': { list: [1, 2, 3] } } });
    expect(doc.locate('')).toEqual({ line: 1, column: 1 });
    expect(doc.locate('/id')).toEqual({ line: 2, column: 3 });
    expect(doc.locate('/blocks/a~1b')).toEqual({ line: 4, column: 5 });
    expect(doc.locate('/blocks/a~1b/list/2')).toEqual({ line: 4, column: 29 });
    expect(doc.locate('/blocks/missing')).toBeUndefined();
    expect(doc.locate('/blocks/a~1b/list/x')).toBeUndefined();
    expect(doc.locate('no-slash')).toBeUndefined();
  });

  it('counts lines after \\r\\n and lone \\r line ends', () => {
    const doc = parseJsonDocument('{\r\n"a": 1,\r"b": 2}');
    expect(doc.locate('/a')).toEqual({ line: 2, column: 1 });
    expect(doc.locate('/b')).toEqual({ line: 3, column: 1 });
  });

  it('refuses comments and trailing commas as CF001 with their position', () => {
    const comment = parseJsonDocument('{\n  // note\n  "a": 1\n}');
    expect(comment.value).toBeUndefined();
    expect(comment.problems).toEqual([
      expect.objectContaining({
        code: 'CF001',
        line: 2,
        column: 3,
        message: expect.stringMatching(/Comments/),
      }),
    ]);
    const trailing = parseJsonDocument('{\n  "a": [1, 2,],\n  "b": 1,\n}');
    expect(trailing.problems.map((p) => [p.code, p.line, p.column, p.message])).toEqual([
      ['CF001', 2, 13, 'Trailing comma is not allowed in JSON.'],
      ['CF001', 3, 9, 'Trailing comma is not allowed in JSON.'],
    ]);
  });

  it('reports a truncated file at its end, saying it looks truncated', () => {
    const text = '{\n  "id": "main",\n  "blocks": {\n    "a": { "type": "menu"';
    const [p, ...rest] = parseJsonDocument(text, { file: 'main.flow.json' }).problems;
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ code: 'CF001', file: 'main.flow.json', line: 4, column: 26, path: '' });
    expect(p?.message).toMatch(/ends unexpectedly \(truncated\?\)/);
  });

  it.each([
    ['', /empty/],
    ['   \n', /empty/],
    ['hello', /double quotes/],
    ["{ 'a': 1 }", /./],
    ['{ "a" 1 }', /":"/],
    ['{ "a": 1 "b": 2 }', /","/],
    ['{ "a": 1 } {}', /after the end/],
    ['{ "a": "\\q" }', /escape/],
    ['{ "a": 01 }', /./],
  ])('reports %j as CF001', (text, message) => {
    const doc = parseJsonDocument(text);
    expect(doc.value).toBeUndefined();
    expect(doc.problems).toHaveLength(1);
    expect(doc.problems[0]).toMatchObject({
      code: 'CF001',
      line: expect.any(Number),
      column: expect.any(Number),
    });
    expect(doc.problems[0]?.message).toMatch(message);
  });

  it.each([
    ['[]', 'an array'],
    ['"flow"', 'a string'],
    ['42', 'a number'],
    ['null', 'a null'],
  ])('refuses a top level of %s as CF004', (text, what) => {
    const doc = parseJsonDocument(text);
    expect(doc.problems).toEqual([expect.objectContaining({ code: 'CF004', path: '' })]);
    expect(doc.problems[0]?.message).toContain(what);
  });

  it('refuses whitespace JSON does not allow (no-break space, vertical tab) at its position', () => {
    for (const space of ['\u00a0', '\v', '\u2003']) {
      const doc = parseJsonDocument(`{\n  "a":${space}1\n}`);
      expect(doc.value).toBeUndefined();
      expect(doc.problems).toEqual([expect.objectContaining({ code: 'CF001', line: 2, column: 7 })]);
      expect(doc.problems[0]?.message).toMatch(/only spaces, tabs and line breaks/);
    }
  });

  it('refuses duplicate keys instead of silently losing the first value', () => {
    const doc = parseJsonDocument('{\n  "blocks": {\n    "a": {},\n    "a": { "x": 1 }\n  }\n}');
    expect(doc.value).toBeUndefined();
    expect(doc.problems).toEqual([
      expect.objectContaining({ code: 'CF001', path: '/blocks/a', line: 4, column: 5 }),
    ]);
    expect(doc.problems[0]?.message).toMatch(/Duplicate key "a"/);
  });

  it('keeps a "__proto__" key as an ordinary key', () => {
    const doc = parseJsonDocument('{ "__proto__": { "polluted": true } }');
    const value = doc.value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads past a byte-order mark without shifting columns', () => {
    const doc = parseJsonDocument('\uFEFF{"a": 1}');
    expect(doc.problems).toEqual([]);
    expect(doc.locate('/a')).toEqual({ line: 1, column: 2 });
  });

  it(
    'refuses a file over the size cap before parsing, quickly',
    () => {
      const big = `{"a": "${'x'.repeat(50 * 1024 * 1024)}"}`;
      const doc = parseJsonDocument(big);
      expect(doc.value).toBeUndefined();
      expect(doc.problems).toEqual([expect.objectContaining({ code: 'CF002', line: 1, column: 1 })]);
      expect(doc.problems[0]?.message).toContain(String(MAX_FLOW_FILE_BYTES));
    },
    BIG_INPUT_TIMEOUT_MS,
  );

  it('counts UTF-8 bytes, not characters, against the cap', () => {
    const text = `{"a":"${'é'.repeat(40)}"}`; // 48 characters, 88 bytes
    expect(codes(text)).toEqual([]);
    expect(parseJsonDocument(text, { maxBytes: 60 }).problems[0]).toMatchObject({ code: 'CF002' });
    expect(parseJsonDocument(text, { maxBytes: 60 }).problems[0]?.message).toContain('88 bytes');
  });

  it(
    'refuses absurd nesting instead of overflowing the stack',
    () => {
      expect(
        codes(
          `${'['.repeat(MAX_JSON_DEPTH + 5)}${']'.repeat(MAX_JSON_DEPTH + 5)}`
            .replace(/^/, '{"a":')
            .concat('}'),
        ),
      ).toEqual(['CF001']);
      const deep = `{"a":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
      expect(codes(deep)).toEqual(['CF001']);
    },
    BIG_INPUT_TIMEOUT_MS,
  );

  it('never throws, whatever it is given', () => {
    for (const input of [undefined, null, 42, {}, '\u0000', '{"a":"\ud800"}', '{"a":1e999}']) {
      expect(() => parseJsonDocument(input as unknown as string)).not.toThrow();
    }
  });
});

describe('parseJsonDocument.locate', () => {
  it('finds keys written with escapes, and list elements after nested values', () => {
    const text = '{\n  "a\\"b": [\n    { "x": [1, {"y": 2}] },\n    "second"\n  ],\n  "c~d/e": 1\n}';
    const doc = parseJsonDocument(text);
    expect(doc.problems).toEqual([]);
    expect(doc.locate('/a"b')).toEqual({ line: 2, column: 3 });
    expect(doc.locate('/a"b/0/x/1/y')).toEqual({ line: 3, column: 17 });
    expect(doc.locate('/a"b/1')).toEqual({ line: 4, column: 5 });
    expect(doc.locate('/c~0d~1e')).toEqual({ line: 6, column: 3 });
    expect(doc.locate('/a"b/2')).toBeUndefined();
  });

  it('reports a repeated key even when written with a different escape', () => {
    const doc = parseJsonDocument('{"ab": 1, "a\\u0062": 2}');
    expect(doc.problems).toEqual([expect.objectContaining({ code: 'CF001', path: '/ab', column: 11 })]);
  });
});
