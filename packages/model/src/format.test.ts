import { describe, expect, it } from 'vitest';
import type { Flow } from './flow.js';
import { formatFlow, formatFlowTest, formatResources } from './format.js';
import { parseJsonDocument } from './json-document.js';
import type { Resources } from './resources.js';
import {
  everyBlockFlow,
  everyFlowType,
  flowWithBlock,
  minimalFlow,
  sampleFlowTest,
  sampleResources,
} from './test-support/flows.js';

/** The same data with every object's keys in reverse order: formatting must not care. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversedKeys(v)]),
  ) as T;
}

function keysOf(text: string, indent: number): string[] {
  const re = new RegExp(`^ {${indent}}"([^"]+)":`);
  return text.split('\n').flatMap((line) => {
    const m = line.match(re);
    return m ? [m[1]!] : [];
  });
}

const settingsOfMenu = (flow: Flow) => flow.blocks.menu!.settings;

const samples: [string, Flow][] = [
  ...everyBlockFlow().map((e) => [`a ${e.blockType} block`, e.flow] as [string, Flow]),
  ...everyFlowType().map((e) => [`a minimal ${e.flowType} flow`, e.flow] as [string, Flow]),
];

describe('formatFlow', () => {
  it.each(samples)('is idempotent and keeps the meaning of %s', (_, flow) => {
    const once = formatFlow(flow);
    expect(formatFlow(JSON.parse(once))).toBe(once);
    expect(JSON.parse(once)).toEqual(flow);
    expect(formatFlow(reversedKeys(flow))).toBe(once);
  });

  it('writes 2-space indented JSON with a trailing newline', () => {
    const text = formatFlow(minimalFlow());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });

  it('puts top-level keys in the documented order', () => {
    const flow: Flow = {
      ...flowWithBlock('getDigits', 'module'),
      description: 'd',
      popover: [],
    };
    expect(keysOf(formatFlow(reversedKeys(flow)), 2)).toEqual([
      '$schema',
      'formatVersion',
      'id',
      'name',
      'type',
      'description',
      'start',
      'variables',
      'popover',
      'module',
      'blocks',
      'layout',
    ]);
  });

  it('sorts blocks, layout and variables by key, and unknown keys after known ones', () => {
    const flow = minimalFlow();
    flow.blocks = { zeta: flow.blocks.end!, alpha: flow.blocks.welcome!, mid: flow.blocks.end! };
    flow.layout = { zeta: { x: 1, y: 1 }, alpha: { x: 2, y: 2 } };
    flow.variables = { zip: { type: 'string' }, amount: { type: 'decimal' } };
    const text = formatFlow({ ...flow, zz: 1, aa: 2 } as Flow);
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed.blocks)).toEqual(['alpha', 'mid', 'zeta']);
    expect(Object.keys(parsed.layout)).toEqual(['alpha', 'zeta']);
    expect(Object.keys(parsed.variables)).toEqual(['amount', 'zip']);
    expect(keysOf(text, 2).slice(-2)).toEqual(['aa', 'zz']);
  });

  it('orders a block as type, label, settings, next; settings by the block schema; next by outcome', () => {
    const flow = flowWithBlock('menu');
    const block = flow.blocks.menu!;
    block.label = 'Main menu';
    block.settings = {
      zExtra: true,
      retries: 1,
      timeoutSeconds: 5,
      options: [
        { label: 'Star', digit: '*' },
        { label: 'One', digit: '1' },
      ],
      prompt: { text: 'Choose' },
      aExtra: true,
    };
    block.next = { error: 'end', zLeftover: 'end', noMatch: 'end', timeout: 'end', '1': 'end', '*': 'end' };
    const text = formatFlow(reversedKeys(flow));
    const blockText = text.slice(text.indexOf('"menu": {'), text.indexOf('"layout"'));
    expect(keysOf(blockText, 6)).toEqual(['type', 'label', 'settings', 'next']);
    expect(keysOf(blockText, 8)).toEqual([
      'prompt',
      'options',
      'timeoutSeconds',
      'retries',
      'aExtra',
      'zExtra',
      '*',
      '1',
      'timeout',
      'noMatch',
      'error',
      'zLeftover',
    ]);
    expect(blockText).toMatch(/"digit": "\*",\n\s+"label": "Star"/);
  });

  it('writes each outcome once even when a block repeats an option', () => {
    const flow = flowWithBlock('menu');
    settingsOfMenu(flow).options = [{ digit: '1' }, { digit: '1' }];
    const text = formatFlow(flow);
    expect(parseJsonDocument(text).problems).toEqual([]);
    expect(formatFlow(JSON.parse(text))).toBe(text);
  });

  it('orders variable declarations, operands and conditions by their definitions', () => {
    const flow = flowWithBlock('checkVariable');
    flow.variables = {
      tier: {
        reportable: true,
        default: 'gold',
        description: 'd',
        label: 'Tier',
        agentViewable: true,
        type: 'string',
      },
    };
    flow.blocks['check-variable']!.settings = {
      rules: [{ when: { value: { value: 'gold' }, operator: 'equals', variable: 'tier' }, outcome: 'vip' }],
    };
    const text = formatFlow(flow);
    expect(keysOf(text.slice(text.indexOf('"variables"'), text.indexOf('"blocks"')), 6)).toEqual([
      'type',
      'label',
      'description',
      'default',
      'agentViewable',
      'reportable',
    ]);
    expect(text).toMatch(
      /"outcome": "vip",\n\s+"when": \{\n\s+"variable": "tier",\n\s+"operator": "equals",\n\s+"value"/,
    );
  });

  it('keeps literal values and list order exactly as given', () => {
    const flow = flowWithBlock('setVariables');
    flow.blocks['set-variables']!.settings = {
      assignments: [
        { variable: 'z', value: { value: { zebra: 1, apple: [3, 1, 2] } } },
        { variable: 'a', value: { value: 'x' } },
      ],
    };
    const parsed = JSON.parse(formatFlow(flow));
    const assignments = parsed.blocks['set-variables'].settings.assignments;
    expect(assignments.map((a: { variable: string }) => a.variable)).toEqual(['z', 'a']);
    expect(Object.keys(assignments[0].value.value)).toEqual(['zebra', 'apple']);
    expect(assignments[0].value.value.apple).toEqual([3, 1, 2]);
  });

  it('writes strings exactly as JSON.stringify does (escapes, unicode, lone surrogates)', () => {
    const texts = [
      'plain',
      'quote " and \\ backslash',
      'tab\tnew\nline\u0001',
      'é ☎ 😀',
      'lone \ud800 half',
      '\u2028',
    ];
    const flow = flowWithBlock('setVariables');
    flow.blocks['set-variables']!.settings = {
      assignments: texts.map((t, i) => ({ variable: `v${i}`, value: { value: t } })),
    };
    flow.blocks['set-variables']!.label = texts.join('|');
    const text = formatFlow(flow);
    for (const t of texts) expect(text).toContain(JSON.stringify(t));
    expect(JSON.parse(text)).toEqual(flow);
  });

  it('rounds layout coordinates to whole pixels', () => {
    const flow = minimalFlow();
    flow.layout = { welcome: { y: 20.4, x: 10.6 } };
    expect(JSON.parse(formatFlow(flow)).layout).toEqual({ welcome: { x: 11, y: 20 } });
  });

  it('changes only layout lines when a block is moved', () => {
    const flow = flowWithBlock('menu');
    const before = formatFlow(flow).split('\n');
    flow.layout!.menu = { x: 999, y: -42 };
    const after = formatFlow(flow).split('\n');
    expect(after).toHaveLength(before.length);
    const changed = after.flatMap((line, i) => (line === before[i] ? [] : [i]));
    const layoutStart = after.indexOf('  "layout": {');
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((i) => i > layoutStart)).toBe(true);
    expect(changed.map((i) => after[i]!.trim())).toEqual(['"x": 999,', '"y": -42']);
  });

  it('never throws on documents that are not flows', () => {
    for (const junk of [
      null,
      [],
      'x',
      { blocks: 'no' },
      { blocks: { a: { type: 'nope', settings: { b: 1, a: 2 } } } },
      { blocks: { a: { type: 'menu', settings: 5, next: { x: 'y' } } } },
    ]) {
      expect(() => formatFlow(junk as unknown as Flow)).not.toThrow();
    }
    expect(
      formatFlow({ blocks: { a: { type: 'nope', settings: { b: 1, a: 2 } } } } as unknown as Flow),
    ).toContain('"a": 2,\n        "b": 1');
  });
});

describe('formatResources and formatFlowTest', () => {
  it('orders resources by the schema and sorts every named map', () => {
    const resources = sampleResources();
    resources.numbers = {
      zed: resources.numbers.main!,
      '10': resources.numbers.main!,
      alpha: resources.numbers.sales!,
    };
    const text = formatResources(reversedKeys(resources));
    expect(keysOf(text, 2)).toEqual([
      '$schema',
      'formatVersion',
      'account',
      'numbers',
      'queues',
      'agentGroups',
      'agents',
      'hours',
      'prompts',
    ]);
    expect(keysOf(text.slice(text.indexOf('"numbers"'), text.indexOf('"queues"')), 4)).toEqual([
      '10',
      'alpha',
      'zed',
    ]);
    expect(formatResources(JSON.parse(text) as Resources)).toBe(text);
    expect(JSON.parse(text)).toEqual(resources);
  });

  it('orders flow tests by the schema and keeps scenarios and steps in order', () => {
    const test = sampleFlowTest();
    const text = formatFlowTest(reversedKeys(test));
    expect(keysOf(text, 2)).toEqual(['$schema', 'formatVersion', 'flow', 'scenarios']);
    expect(keysOf(text, 6)).toEqual(['name', 'call', 'caller', 'expect']);
    expect(JSON.parse(text)).toEqual(test);
    expect(formatFlowTest(JSON.parse(text))).toBe(text);
  });
});
