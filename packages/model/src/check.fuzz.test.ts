/**
 * Mutation fuzzing: valid flows of every block type, broken thousands of seeded ways (keys deleted,
 * duplicated and renamed, values of the wrong type, truncated text, flipped bytes). `checkFlowText` must
 * never throw and must always return well-formed, located problems. A failure prints its seed.
 */
import { describe, expect, it } from 'vitest';
import { checkFlowTestText, checkFlowText, checkResourcesText } from './check.js';
import type { Flow } from './flow.js';
import { formatFlow, formatFlowTest, formatResources } from './format.js';
import { PROBLEM_CODES, type Problem } from './problems.js';
import {
  everyBlockFlow,
  everyFlowType,
  sampleFlows,
  sampleFlowTest,
  sampleResources,
} from './test-support/flows.js';

const MUTATIONS_PER_FLOW = 100;
/** Thousands of cases on a shared machine: generous, so that only a hang fails on time. */
const TIMEOUT_MS = 120_000;

/** mulberry32: small, fast and good enough to make every case reproducible from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Container = Record<string, unknown> | unknown[];

function containers(value: unknown, out: Container[] = []): Container[] {
  if (value !== null && typeof value === 'object') {
    out.push(value as Container);
    for (const child of Object.values(value)) containers(child, out);
  }
  return out;
}

const ODD_VALUES: unknown[] = [
  null,
  0,
  -1,
  1.5,
  1e308,
  '',
  'x'.repeat(3000),
  true,
  [],
  {},
  [null, {}],
  { value: { variable: 1 } },
  '__proto__',
  '$callerNumber',
  'menu',
  'end',
];

function structuredCopy<T>(value: T): T {
  return value === undefined ? value : JSON.parse(JSON.stringify(value));
}

function mutateValue(doc: unknown, next: () => number): void {
  const all = containers(doc);
  const target = all[Math.floor(next() * all.length)];
  if (!target) return;
  const keys = Object.keys(target);
  const key = keys[Math.floor(next() * keys.length)];
  const choice = Math.floor(next() * 5);
  const odd = structuredCopy(ODD_VALUES[Math.floor(next() * ODD_VALUES.length)]);
  const record = target as Record<string, unknown>;
  if (key === undefined || choice === 0) {
    record[Array.isArray(target) ? String(target.length) : `extra${Math.floor(next() * 3)}`] = odd;
  } else if (choice === 1) {
    if (Array.isArray(target)) target.splice(Number(key), 1);
    else delete record[key];
  } else if (choice === 2) {
    record[key] = odd;
  } else if (choice === 3 && Array.isArray(target)) {
    target.push(structuredCopy(target[Number(key)])); // a repeated list item (menu option, rule...)
  } else if (choice === 3) {
    record[`${key}X`] = record[key];
    delete record[key];
  } else {
    const donor = all[Math.floor(next() * all.length)];
    record[key] = donor === target ? odd : structuredCopy(donor);
  }
}

const NOISE = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  '\\',
  ' ',
  '\n',
  '0',
  'é',
  '\u0000',
  '\ud800',
  '/',
  '*',
  'x',
];

function mutateText(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  switch (Math.floor(next() * 5)) {
    case 0:
      return text.slice(0, at); // truncated
    case 1:
      return text.slice(0, at) + NOISE[Math.floor(next() * NOISE.length)] + text.slice(at + 1); // flipped byte
    case 2:
      return text.slice(0, at) + NOISE[Math.floor(next() * NOISE.length)] + text.slice(at); // inserted byte
    case 3: {
      // A duplicated key: the line is repeated.
      const lines = text.split('\n');
      const i = Math.floor(next() * lines.length);
      const line = lines[i] ?? '';
      lines.splice(i, 0, line.trimEnd().endsWith(',') ? line : `${line},`);
      return lines.join('\n');
    }
    default:
      return text.slice(0, at) + text.slice(at + Math.floor(next() * 40)); // deleted range
  }
}

function expectWellFormed(problems: Problem[], seed: number): void {
  const context = `seed ${seed}`;
  expect(Array.isArray(problems), context).toBe(true);
  let lastLine = 0;
  for (const p of problems) {
    expect(Object.hasOwn(PROBLEM_CODES, p.code), `${context}: code ${p.code}`).toBe(true);
    expect(['error', 'warning'], context).toContain(p.severity);
    expect(typeof p.message, context).toBe('string');
    expect(p.message.length, context).toBeGreaterThan(5);
    expect(p.message, context).not.toMatch(/undefined|\[object Object\]|NaN/);
    expect(p.path === '' || p.path.startsWith('/'), `${context}: path ${p.path}`).toBe(true);
    expect(Number.isInteger(p.line) && p.line! >= 1, `${context}: line of ${p.code}`).toBe(true);
    expect(Number.isInteger(p.column) && p.column! >= 1, `${context}: column of ${p.code}`).toBe(true);
    expect(p.line!, `${context}: sorted`).toBeGreaterThanOrEqual(lastLine);
    lastLine = p.line!;
    if (p.blockId !== undefined) expect(typeof p.blockId, context).toBe('string');
    expect(p.file, context).toBe('fuzz.flow.json');
  }
}

const flows = [...everyBlockFlow().map((e) => e.flow), ...everyFlowType().map((e) => e.flow)];

describe('checkFlowText under mutation', () => {
  it.each(flows.map((flow, i) => [flow.start, i, flow] as const))(
    'never throws and returns well-formed problems (flow starting at %s)',
    (_, index, flow) => {
      const context = { file: 'fuzz.flow.json', resources: sampleResources(), flows: sampleFlows() };
      for (let n = 0; n < MUTATIONS_PER_FLOW; n++) {
        const seed = index * 100_000 + n;
        const next = random(seed);
        const doc = JSON.parse(JSON.stringify(flow));
        const valueMutations = Math.floor(next() * 3);
        for (let m = 0; m < valueMutations; m++) mutateValue(doc, next);
        let text = next() < 0.5 ? formatFlow(doc) : JSON.stringify(doc);
        if (valueMutations === 0 || next() < 0.3) text = mutateText(text, next);
        let result: ReturnType<typeof checkFlowText> | undefined;
        expect(() => {
          result = checkFlowText(text, context);
        }, `seed ${seed}`).not.toThrow();
        expectWellFormed(result!.problems, seed);
        // Whatever parses, broken or not, formats idempotently.
        const parsed = tryParse(text);
        if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
          const once = formatFlow(parsed as Flow);
          expect(formatFlow(JSON.parse(once)), `seed ${seed}: idempotent`).toBe(once);
        }
        if (result!.flow) {
          expect(
            result!.problems.some((p) => /^CF[01]/.test(p.code)),
            `seed ${seed}`,
          ).toBe(false);
          expect(() => formatFlow(result!.flow!), `seed ${seed}`).not.toThrow();
        } else {
          expect(result!.problems.length, `seed ${seed}: a refused flow says why`).toBeGreaterThan(0);
        }
      }
    },
    TIMEOUT_MS,
  );
});

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

describe('checkResourcesText and checkFlowTestText under mutation', () => {
  const kinds = [
    ['resources', sampleResources(), checkResourcesText, formatResources],
    ['flow test', sampleFlowTest(), checkFlowTestText, formatFlowTest],
  ] as const;
  it.each(kinds)(
    '%s: never throws, well-formed problems, idempotent format',
    (_, sample, check, format) => {
      for (let n = 0; n < 300; n++) {
        const seed = 9_000_000 + n;
        const next = random(seed);
        const doc = JSON.parse(JSON.stringify(sample));
        const valueMutations = Math.floor(next() * 3);
        for (let m = 0; m < valueMutations; m++) mutateValue(doc, next);
        let text = JSON.stringify(doc, null, 2);
        if (valueMutations === 0 || next() < 0.3) text = mutateText(text, next);
        let problems: Problem[] = [];
        expect(() => {
          problems = check(text, { file: 'fuzz.flow.json' }).problems;
        }, `seed ${seed}`).not.toThrow();
        expectWellFormed(problems, seed);
        const parsed = tryParse(text);
        if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
          const once = format(parsed as never);
          expect(format(JSON.parse(once)), `seed ${seed}: idempotent`).toBe(once);
        }
      }
    },
    TIMEOUT_MS,
  );
});
