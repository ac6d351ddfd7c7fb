import { defineBlock, outcome } from '../block-definition.js';
import { ref } from '../schema/defs.js';
import { ALL_FLOWS, arr, conditionRefs, obj } from './common.js';

export interface CheckRule {
  outcome: string;
  label?: string;
  when: Record<string, unknown>;
}

export interface CheckVariableSettings {
  rules: CheckRule[];
}

export const checkVariable = defineBlock<CheckVariableSettings>({
  type: 'checkVariable',
  title: 'Check variable',
  group: 'logic',
  icon: '⋔',
  description: 'Branches on structured conditions over typed variables.',
  docs: 'Evaluates the rules in order; the first rule whose condition holds gives the outcome (the rule\'s `outcome` name). When none holds, `noMatch`. Conditions are data: `{ "variable": "tier", "operator": "equals", "value": { "value": "gold" } }`, combined with `all`, `any` and `not`. Operators: equals, notEquals, greaterThan, greaterThanOrEqual, lessThan, lessThanOrEqual, contains, startsWith, endsWith, isEmpty, isNotEmpty, in. JSON values (objects, lists) are equal when their content is: the order of an object\'s keys does not count, the order of a list\'s items does.',
  flowTypes: ALL_FLOWS,
  settingsSchema: {
    type: 'object',
    properties: {
      rules: {
        description:
          'Rules checked in order (1 to 20); the first whose condition holds gives its outcome, none gives `noMatch`.',
        type: 'array',
        minItems: 1,
        maxItems: 20,
        items: {
          type: 'object',
          properties: {
            outcome: {
              description:
                'Outcome this rule takes: a name starting with a lower-case letter, at most 40 characters, not `noMatch` or `error`. Wire it in `next`.',
              type: 'string',
              pattern: '^[a-z][A-Za-z0-9]*$',
              maxLength: 40,
              not: { enum: ['noMatch', 'error'] },
            },
            label: {
              description: 'Label shown for the outcome on the canvas, at most 60 characters.',
              type: 'string',
              maxLength: 60,
            },
            when: {
              ...ref('condition'),
              description:
                'Condition that selects this rule: a comparison `{ variable, operator, value }`, or `all` / `any` / `not` of conditions.',
            },
          },
          required: ['outcome', 'when'],
          additionalProperties: false,
        },
      },
    },
    required: ['rules'],
    additionalProperties: false,
  },
  outcomeNames: ['<rule outcome>', 'noMatch'],
  outcomes: (s) => [
    ...arr(s.rules).map((r) => {
      const rule = obj(r) ?? {};
      const name = String(rule.outcome ?? '');
      return outcome(name, typeof rule.label === 'string' ? rule.label : name);
    }),
    outcome('noMatch', 'No match'),
  ],
  terminal: false,
  waits: () => false,
  defaults: () => ({
    rules: [
      { outcome: 'vip', when: { variable: 'customerTier', operator: 'equals', value: { value: 'gold' } } },
    ],
  }),
  summary: (s) =>
    arr(s.rules)
      .map((r) => String(obj(r)?.outcome ?? ''))
      .join(' / '),
  references: (s) => arr(s.rules).flatMap((r, i) => conditionRefs(obj(r)?.when, `/rules/${i}/when`)),
  form: [{ key: 'rules', label: 'Rules', widget: 'conditions' }],
});
