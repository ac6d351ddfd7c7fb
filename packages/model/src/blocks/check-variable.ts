import { defineBlock, outcome } from '../block-definition.js';
import { type CheckRule, checkRulesSchema, ruleNames, ruleOutcomes } from './check-rules.js';
import { ALL_FLOWS, arr, conditionRefs, obj } from './common.js';

export type { CheckRule } from './check-rules.js';

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
      rules: checkRulesSchema(
        'Condition that selects this rule: a comparison `{ variable, operator, value }`, or `all` / `any` / `not` of conditions.',
      ),
    },
    required: ['rules'],
    additionalProperties: false,
  },
  outcomeNames: ['<rule outcome>', 'noMatch'],
  outcomes: (s) => [...ruleOutcomes(s.rules), outcome('noMatch', 'No match')],
  terminal: false,
  waits: () => false,
  defaults: () => ({
    rules: [
      { outcome: 'vip', when: { variable: 'customerTier', operator: 'equals', value: { value: 'gold' } } },
    ],
  }),
  summary: (s) => ruleNames(s.rules),
  references: (s) => arr(s.rules).flatMap((r, i) => conditionRefs(obj(r)?.when, `/rules/${i}/when`)),
  form: [{ key: 'rules', label: 'Rules', widget: 'conditions' }],
});
