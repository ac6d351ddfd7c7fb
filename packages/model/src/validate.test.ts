import { describe, expect, it } from 'vitest';
import type { JsonSchema } from './block-definition.js';
import { BLOCKS } from './blocks/index.js';
import type { Flow } from './flow.js';
import type { Problem } from './problems.js';
import { buildFlowSchema } from './schema/index.js';
import {
  everyBlockFlow,
  everyFlowType,
  flowWithBlock,
  idFor,
  minimalFlow,
  sampleFlowTest,
  sampleResources,
} from './test-support/flows.js';
import { validateFlowSchema, validateFlowTestSchema, validateResourcesSchema } from './validate.js';

const defs = buildFlowSchema().$defs as Record<string, JsonSchema>;

/** A property schema with its `$ref` followed, so that the tests see the same constraints ajv does. */
function resolved(schema: JsonSchema): JsonSchema {
  const ref = typeof schema.$ref === 'string' ? schema.$ref.replace('#/$defs/', '') : undefined;
  return ref ? { ...defs[ref], ...schema } : schema;
}

function settingsOf(flow: Flow, blockType: string): Record<string, unknown> {
  return flow.blocks[idFor(blockType)]!.settings;
}

function properties(blockType: string): [string, JsonSchema][] {
  const schema = BLOCKS.find((b) => b.type === blockType)!.settingsSchema;
  return Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>).map(([k, v]) => [
    k,
    resolved(v),
  ]);
}

const summary = (problems: Problem[]) => problems.map((p) => `${p.code} ${p.path}`);

describe('validateFlowSchema on valid flows', () => {
  it.each(everyBlockFlow().map((e) => [e.blockType, e.flow] as const))(
    'accepts a flow with a %s block',
    (_, flow) => {
      expect(validateFlowSchema(flow)).toEqual([]);
    },
  );

  it.each(everyFlowType().map((e) => [e.flowType, e.flow] as const))(
    'accepts a minimal %s flow',
    (_, flow) => {
      expect(validateFlowSchema(flow)).toEqual([]);
    },
  );
});

describe.each(BLOCKS.map((b) => [b.type]))('schema problems of a %s block', (blockType) => {
  const id = idFor(blockType);
  const base = `/blocks/${id}/settings`;
  const required = (BLOCKS.find((b) => b.type === blockType)!.settingsSchema.required ?? []) as string[];

  it.each(required.map((r) => [r]))('a missing "%s" is CF101 pointing at it', (name) => {
    const flow = flowWithBlock(blockType);
    delete settingsOf(flow, blockType)[name];
    const problems = validateFlowSchema(flow);
    expect(summary(problems)).toEqual([`CF101 ${base}/${name}`]);
    expect(problems[0]).toMatchObject({ blockId: id, severity: 'error' });
    expect(problems[0]?.message).toBe(`Block "${id}": "${name}" is missing (required)`);
  });

  it('a setting of the wrong type is CF102', () => {
    for (const [name, schema] of properties(blockType)) {
      if (typeof schema.type !== 'string') continue;
      const flow = flowWithBlock(blockType);
      settingsOf(flow, blockType)[name] = schema.type === 'string' ? 42 : 'wrong';
      const problems = validateFlowSchema(flow);
      expect(summary(problems)).toContain(`CF102 ${base}/${name}`);
      expect(problems.every((p) => p.blockId === id)).toBe(true);
    }
  });

  it('an unknown setting is CF103 pointing at it', () => {
    const flow = flowWithBlock(blockType);
    settingsOf(flow, blockType).bogusSetting = true;
    const problems = validateFlowSchema(flow);
    expect(summary(problems)).toEqual([`CF103 ${base}/bogusSetting`]);
    expect(problems[0]?.message).toBe(`Block "${id}": unknown property "bogusSetting"`);
  });

  it('a setting outside its allowed values is CF104, out of range is CF105', () => {
    for (const [name, schema] of properties(blockType)) {
      const flow = flowWithBlock(blockType);
      const settings = settingsOf(flow, blockType);
      if (Array.isArray(schema.enum)) {
        settings[name] = 'not-an-option';
        expect(summary(validateFlowSchema(flow))).toContain(`CF104 ${base}/${name}`);
      } else if (typeof schema.maximum === 'number') {
        settings[name] = schema.maximum + 1;
        const problems = validateFlowSchema(flow).filter((p) => p.code === 'CF105');
        expect(summary(problems)).toEqual([`CF105 ${base}/${name}`]);
        expect(problems[0]?.message).toBe(
          `Block "${id}": "${name}" must be at most ${schema.maximum} (got ${schema.maximum + 1})`,
        );
      }
    }
  });
});

describe('validateFlowSchema wording and pointers', () => {
  it('says what is wrong in admin words', () => {
    const flow = flowWithBlock('menu');
    flow.blocks['menu-main'] = flow.blocks.menu!;
    delete flow.blocks.menu;
    flow.start = 'menu-main';
    flow.blocks['menu-main']!.settings.timeoutSeconds = 90;
    const problems = validateFlowSchema(flow);
    expect(problems).toEqual([
      {
        code: 'CF105',
        severity: 'error',
        message: 'Block "menu-main": "timeoutSeconds" must be at most 60 (got 90)',
        path: '/blocks/menu-main/settings/timeoutSeconds',
        blockId: 'menu-main',
      },
    ]);
  });

  it('names list items by index and refuses a bad key with the pattern in words', () => {
    const flow = flowWithBlock('menu');
    (settingsOf(flow, 'menu').options as { digit: string }[])[1]!.digit = '12';
    const problems = validateFlowSchema(flow);
    expect(summary(problems)).toEqual(['CF106 /blocks/menu/settings/options/1/digit']);
    expect(problems[0]?.message).toBe(
      'Block "menu": "options[1].digit" must be one key: 0-9, * or # (got "12")',
    );
  });

  it('reports an unknown block type as CF107 with the closest types', () => {
    const flow = minimalFlow();
    flow.blocks.welcome!.type = 'playPromt';
    const problems = validateFlowSchema(flow);
    expect(summary(problems)).toEqual(['CF107 /blocks/welcome/type']);
    expect(problems[0]?.message).toBe(
      'Block "welcome": unknown block type "playPromt". Did you mean "playPrompt"?',
    );
    flow.blocks.welcome!.type = 'queue';
    expect(validateFlowSchema(flow)[0]?.message).toBe(
      'Block "welcome": unknown block type "queue". Similar types: "setWorkingQueue", "checkQueueStatus", "setCustomerQueueFlow", "transferToQueue", "playQueueStatus".',
    );
    flow.blocks.welcome!.type = 'teleport';
    expect(validateFlowSchema(flow)[0]?.message).toContain('See docs/format.md');
  });

  it('points a bad block id at the id itself, once', () => {
    const flow = minimalFlow();
    flow.blocks.Bad_Id = flow.blocks.end!;
    const problems = validateFlowSchema(flow);
    expect(summary(problems)).toEqual(['CF106 /blocks/Bad_Id']);
    expect(problems[0]).toMatchObject({ blockId: 'Bad_Id' });
    expect(problems[0]?.message).toMatch(/^Block "Bad_Id" must be an id like "menu-main": lower-case/);
  });

  it('suggests the setting an unknown property was probably meant to be', () => {
    const flow = flowWithBlock('menu');
    settingsOf(flow, 'menu').timeoutSecond = 5;
    expect(validateFlowSchema(flow).find((p) => p.code === 'CF103')?.message).toBe(
      'Block "menu": unknown property "timeoutSecond". Did you mean "timeoutSeconds"?',
    );
    const top = { ...minimalFlow(), stat: 'x' };
    expect(validateFlowSchema(top)[0]?.message).toBe('Unknown property "stat". Did you mean "start"?');
  });

  it('reports top-level problems without a block prefix', () => {
    const { start: _, ...flow } = minimalFlow();
    expect(validateFlowSchema(flow)).toEqual([
      { code: 'CF101', severity: 'error', message: '"start" is missing (required)', path: '/start' },
    ]);
    expect(validateFlowSchema([])).toEqual([expect.objectContaining({ code: 'CF102', path: '' })]);
  });

  it('reports too many blocks as CF005', () => {
    const flow = minimalFlow();
    for (let i = 0; i < 5001; i++) flow.blocks[`b${i}`] = { type: 'disconnect', settings: {} };
    expect(summary(validateFlowSchema(flow))).toEqual(['CF005 /blocks']);
  });

  it('never echoes the values of secure variables', () => {
    const flow = minimalFlow();
    flow.variables = { pin: { type: 'string', secure: true, default: `SECRET${'9'.repeat(300)}` } };
    const problems = validateFlowSchema(flow);
    expect(summary(problems)).toEqual(['CF105 /variables/pin/default']);
    expect(problems[0]?.message).toBe('Variable "pin": "default" must have at most 256 characters (got 306)');
  });
});

describe('schema noise rules', () => {
  it('drops `if` errors: a fixed caller ID without a number is one CF101', () => {
    const flow = flowWithBlock('callPhoneNumber');
    settingsOf(flow, 'callPhoneNumber').callerId = { strategy: 'fixed' };
    expect(summary(validateFlowSchema(flow))).toEqual([
      'CF101 /blocks/call-phone-number/settings/callerId/number',
    ]);
  });

  it('anyOf: reports the closest branch only (a literal string that is too long is CF105, not five type errors)', () => {
    const flow = flowWithBlock('setVariables');
    settingsOf(flow, 'setVariables').assignments = [
      { variable: 'reason', value: { value: 'x'.repeat(300) } },
    ];
    const problems = validateFlowSchema(flow);
    expect(summary(problems)).toEqual(['CF105 /blocks/set-variables/settings/assignments/0/value/value']);
    expect(problems[0]?.message).toBe(
      'Block "set-variables": "assignments[0].value.value" must have at most 256 characters (got 300)',
    );
  });

  it('oneOf: drops the wrapper when a more specific error exists at the same or a deeper path', () => {
    const flow = flowWithBlock('checkVariable');
    const when = { variable: 'customerTier', operator: 'equals', all: [] };
    settingsOf(flow, 'checkVariable').rules = [{ outcome: 'vip', when }];
    const problems = validateFlowSchema(flow);
    const at = '/blocks/check-variable/settings/rules/0/when';
    expect(problems.some((p) => p.message.includes('allowed forms'))).toBe(false);
    expect(summary(problems)).toEqual([`CF105 ${at}`, `CF105 ${at}/all`]);
  });

  it('oneOf: keeps the wrapper, in words, when nothing more specific explains it', () => {
    const flow = flowWithBlock('checkVariable');
    settingsOf(flow, 'checkVariable').rules = [{ outcome: 'vip', when: {} }];
    const problems = validateFlowSchema(flow);
    expect(problems).toEqual([
      expect.objectContaining({ code: 'CF100', path: '/blocks/check-variable/settings/rules/0/when' }),
    ]);
    expect(problems[0]?.message).toBe(
      'Block "check-variable": "rules[0].when" must have "all", "any", "not" or "variable" and "operator" (see docs/format.md)',
    );
  });

  it('reports a reserved outcome name (`not`) in words', () => {
    const flow = flowWithBlock('checkVariable');
    (settingsOf(flow, 'checkVariable').rules as { outcome: string }[])[0]!.outcome = 'error';
    const problems = validateFlowSchema(flow);
    expect(summary(problems)).toEqual(['CF100 /blocks/check-variable/settings/rules/0/outcome']);
    expect(problems[0]?.message).toBe(
      'Block "check-variable": "rules[0].outcome" must not be "noMatch" or "error" (reserved)',
    );
  });

  it('points a property that a `not` rule forbids at that property', () => {
    const flow = flowWithBlock('setRecording');
    settingsOf(flow, 'setRecording').privacyShieldSeconds = 30; // only allowed when pausing
    const problems = validateFlowSchema(flow);
    expect(summary(problems)).toEqual(['CF100 /blocks/set-recording/settings/privacyShieldSeconds']);
    expect(problems[0]?.message).toBe(
      'Block "set-recording": "privacyShieldSeconds" is not allowed with these settings; see docs/format.md',
    );
  });

  it('reports each problem once', () => {
    const flow = flowWithBlock('menu');
    settingsOf(flow, 'menu').options = [{ digit: 'x' }, { digit: 'x' }];
    const problems = validateFlowSchema(flow);
    const keys = problems.map((p) => `${p.code}${p.path}${p.message}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(summary(problems)).toEqual([
      'CF106 /blocks/menu/settings/options/0/digit',
      'CF106 /blocks/menu/settings/options/1/digit',
    ]);
  });
});

describe('validateResourcesSchema and validateFlowTestSchema', () => {
  it('accepts the samples', () => {
    expect(validateResourcesSchema(sampleResources())).toEqual([]);
    expect(validateFlowTestSchema(sampleFlowTest())).toEqual([]);
  });

  it('names the resource a problem is in', () => {
    const resources = sampleResources() as unknown as { queues: Record<string, Record<string, unknown>> };
    delete resources.queues.support!.agentGroup;
    expect(validateResourcesSchema(resources)).toEqual([
      {
        code: 'CF101',
        severity: 'error',
        message: 'Queue "support": "agentGroup" is missing (required)',
        path: '/queues/support/agentGroup',
      },
    ]);
  });

  it('names the scenario a problem is in', () => {
    const test = sampleFlowTest() as { scenarios: { call: { at: string } }[] };
    test.scenarios[0]!.call.at = 'tomorrow';
    const problems = validateFlowTestSchema(test);
    expect(summary(problems)).toEqual(['CF106 /scenarios/0/call/at']);
    expect(problems[0]?.message).toMatch(
      /^Scenario "caller hears the welcome": "call.at" must be an ISO 8601/,
    );
  });

  it('refuses a scenario that expects nothing (it would pass whatever the call does), CF105', () => {
    const test = sampleFlowTest() as { scenarios: { expect: Record<string, unknown> }[] };
    test.scenarios[0]!.expect = {};
    const problems = validateFlowTestSchema(test);
    expect(summary(problems)).toEqual(['CF105 /scenarios/0/expect']);
    expect(problems[0]?.message).toMatch(
      /^Scenario "caller hears the welcome": "expect" checks nothing: name at least one/,
    );
  });

  it.each([
    ['visits', []],
    ['notVisits', []],
    ['prompts', []],
    ['agentPrompts', []],
    ['variables', {}],
  ])('refuses an empty "%s" expectation, which would check nothing', (key, empty) => {
    const test = sampleFlowTest() as { scenarios: { expect: Record<string, unknown> }[] };
    test.scenarios[0]!.expect = { end: 'disconnected', [key]: empty };
    expect(summary(validateFlowTestSchema(test))).toEqual([`CF105 /scenarios/0/expect/${key}`]);
  });
});

describe('every constraint category maps to its code and pointer', () => {
  const cases: [string, (flow: Flow) => void, string][] = [
    ['const', (f) => Object.assign(f, { formatVersion: 2 }), 'CF104 /formatVersion'],
    ['enum', (f) => Object.assign(f, { type: 'outbound' }), 'CF104 /type'],
    ['minLength', (f) => Object.assign(f, { name: '' }), 'CF105 /name'],
    ['maxLength', (f) => Object.assign(f, { description: 'x'.repeat(2001) }), 'CF105 /description'],
    ['minProperties', (f) => Object.assign(f, { blocks: {} }), 'CF105 /blocks'],
    ['maxItems', (f) => Object.assign(f, { popover: Array(51).fill('a') }), 'CF105 /popover'],
    ['pattern', (f) => Object.assign(f, { start: 'Welcome' }), 'CF106 /start'],
    [
      'propertyNames',
      (f) => Object.assign(f, { variables: { 'bad-name': { type: 'string' } } }),
      'CF106 /variables/bad-name',
    ],
    ['type', (f) => Object.assign(f, { layout: { welcome: { x: '1', y: 2 } } }), 'CF102 /layout/welcome/x'],
    ['required', (f) => Object.assign(f, { layout: { welcome: { x: 1 } } }), 'CF101 /layout/welcome/y'],
    [
      'additionalProperties',
      (f) => Object.assign(f, { module: { inputs: {}, extra: 1 } }),
      'CF103 /module/extra',
    ],
  ];
  it.each(cases)('%s', (_, breakIt, expected) => {
    const flow = minimalFlow();
    breakIt(flow);
    expect(summary(validateFlowSchema(flow))).toEqual([expected]);
  });

  it('account.allowedSpecialNumbers holds numbers as dialled, nothing else', () => {
    const resources = sampleResources();
    resources.account.allowedSpecialNumbers = ['911', '+19005550123', '*72'];
    expect(validateResourcesSchema(resources)).toEqual([]);
    resources.account.allowedSpecialNumbers = ['911', 'any premium number'];
    expect(summary(validateResourcesSchema(resources))).toEqual(['CF106 /account/allowedSpecialNumbers/1']);
  });

  it('uniqueItems (resources) is CF100 and says which items repeat', () => {
    const resources = sampleResources();
    resources.account.allowedCountries = ['US', 'CA', 'US'];
    const problems = validateResourcesSchema(resources);
    expect(summary(problems)).toEqual(['CF100 /account/allowedCountries']);
    expect(problems[0]?.message).toBe(
      '"account.allowedCountries" must not repeat an item (items 0 and 2 are the same)',
    );
  });
});
