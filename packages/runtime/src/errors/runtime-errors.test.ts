import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskTraceEntry } from '../rules/secure-values.js';
import { describeRuntimeError, RUNTIME_ERRORS, RuntimeError } from './runtime-errors.js';

const SRC = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test-support' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the runtime error catalogue', () => {
  it('lists every code the runtime source names', () => {
    const named = new Set(
      sourceFiles(SRC).flatMap((file) => readFileSync(file, 'utf8').match(/\b(?:RT|SIM)\d{3}\b/g) ?? []),
    );
    expect(named.size).toBeGreaterThan(5);
    expect([...named].filter((code) => !Object.hasOwn(RUNTIME_ERRORS, code))).toEqual([]);
  });

  it('gives every code a title and a meaning, and keeps the code a field of what is thrown', () => {
    for (const info of Object.values(RUNTIME_ERRORS)) {
      expect(info.title.length).toBeGreaterThan(3);
      expect(info.meaning.length).toBeGreaterThan(10);
    }
    const error = new RuntimeError('SIM001', 'No agent "zoe" in resources.agents.');
    expect(error.code).toBe('SIM001');
    expect(describeRuntimeError(error)).toBe('SIM001 Unknown agent: No agent "zoe" in resources.agents.');
  });

  it('masks a secure value in the detail of a trace error, never in its code', () => {
    const entry = { seq: 1, at: 0, error: { code: 'RT104' as const, detail: 'the PIN 10 was refused' } };
    expect(maskTraceEntry(entry, ['10']).error).toEqual({ code: 'RT104', detail: 'the PIN ••• was refused' });
  });
});
