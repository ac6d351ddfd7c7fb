import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callflow, tempProject } from './test-support/cli.js';

const FIFTY_MB = 50 * 1024 * 1024;

/** Each case: a file (or none), and the code `validate` must report for it. */
const CASES: { name: string; files: Record<string, string | Buffer>; path: string; code: string }[] = [
  { name: 'not JSON', files: { 'x.flow.json': 'flow: hello\n' }, path: 'x.flow.json', code: 'CF001' },
  {
    name: 'a truncated file',
    files: { 'x.flow.json': '{\n  "formatVersion": 1,\n  "id": "x",\n  "blocks": {\n    "a": {' },
    path: 'x.flow.json',
    code: 'CF001',
  },
  { name: 'an empty file', files: { 'x.flow.json': '' }, path: 'x.flow.json', code: 'CF001' },
  {
    name: 'bytes that are not UTF-8',
    files: { 'x.flow.json': Buffer.from([0xff, 0xfe, 0x7b, 0x7d]) },
    path: 'x.flow.json',
    code: 'CF001',
  },
  { name: 'a top-level array', files: { 'x.flow.json': '[]\n' }, path: 'x.flow.json', code: 'CF004' },
  {
    // The service refuses the same body with the same code (server: http/document-body.test.ts).
    name: 'nesting 10,000 levels deep',
    files: { 'x.flow.json': `{"formatVersion":1,"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}` },
    path: 'x.flow.json',
    code: 'CF001',
  },
  {
    name: 'a repeated key',
    files: { 'x.flow.json': '{"formatVersion":1,"id":"x","name":"A","name":"B"}' },
    path: 'x.flow.json',
    code: 'CF001',
  },
  {
    name: 'wrong types',
    files: {
      'x.flow.json':
        '{ "formatVersion": 1, "id": 42, "name": ["x"], "type": "inbound", "start": true, "blocks": "none" }\n',
    },
    path: 'x.flow.json',
    code: 'CF102',
  },
  {
    name: 'a 50 MB file',
    files: { 'x.flow.json': Buffer.alloc(FIFTY_MB, 0x20) },
    path: 'x.flow.json',
    code: 'CF002',
  },
  {
    name: 'an unknown format version',
    files: { 'x.flow.json': '{ "formatVersion": 7, "id": "x" }\n' },
    path: 'x.flow.json',
    code: 'CF003',
  },
  {
    name: 'a format version that is not a number',
    files: { 'x.flow.json': '{ "formatVersion": "1", "id": "x" }\n' },
    path: 'x.flow.json',
    code: 'CF003',
  },
  { name: 'a missing path', files: {}, path: 'no-such-dir', code: 'CF006' },
  { name: 'a directory with no flows', files: { 'empty/readme.txt': 'hi' }, path: 'empty', code: 'CF006' },
];

const STACK_FRAME = /^\s+at .+\(.*:\d+:\d+\)$/m;

describe('bad input gets a coded message and a non-zero exit, never a stack trace', () => {
  for (const c of CASES) {
    it(`validate: ${c.name} -> ${c.code}`, async () => {
      const dir = tempProject(c.files);
      const run = await callflow(['validate', c.path], dir);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(`  error    ${c.code}  `);
      expect(run.stdout).toContain(c.path);
      expect(run.stdout + run.stderr).not.toMatch(STACK_FRAME);
      const json = await callflow(['validate', '--format', 'json', c.path], dir);
      const problems = JSON.parse(json.stdout) as { code: string; file: string }[];
      expect(problems.map((p) => p.code)).toContain(c.code);
      expect(problems.every((p) => p.file.startsWith(c.path))).toBe(true);
    });
  }

  // A file with schema errors still parses, and fmt formats it without losing anything (fmt.test.ts).
  const unparsable = CASES.filter((c) => ['CF001', 'CF002', 'CF003', 'CF004'].includes(c.code));
  for (const c of unparsable) {
    it(`fmt reports ${c.name} (${c.code}) and leaves it untouched`, async () => {
      const dir = tempProject(c.files);
      const before = statSync(join(dir, c.path));
      const run = await callflow(['fmt', c.path], dir);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`  error    ${c.code}  `);
      expect(run.stdout + run.stderr).not.toMatch(STACK_FRAME);
      const after = statSync(join(dir, c.path));
      expect([after.size, after.mtimeMs, after.ino]).toEqual([before.size, before.mtimeMs, before.ino]);
    });
  }
});
