import { type OutcomeSpec, outcome } from '../block-definition.js';
import { ref } from '../schema/defs.js';
import { arr, obj } from './common.js';

/** One rule of Check variable and Check queue status: the first whose condition holds gives its outcome. */
export interface CheckRule {
  outcome: string;
  label?: string;
  when: Record<string, unknown>;
}

/**
 * The `rules` setting both check blocks share (same limits, same outcome names); only what a condition
 * may name differs, which `when` describes.
 */
export function checkRulesSchema(when: string) {
  return {
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
        when: { ...ref('condition'), description: when },
      },
      required: ['outcome', 'when'],
      additionalProperties: false,
    },
  };
}

/** Each rule's outcome, labelled as the rule says (unsaved settings may be partial). */
export function ruleOutcomes(rules: unknown): OutcomeSpec[] {
  return arr(rules).map((r) => {
    const rule = obj(r) ?? {};
    const name = String(rule.outcome ?? '');
    return outcome(name, typeof rule.label === 'string' ? rule.label : name);
  });
}

/** The rules' outcome names, for a block's summary. */
export function ruleNames(rules: unknown): string {
  return arr(rules)
    .map((r) => String(obj(r)?.outcome ?? ''))
    .join(' / ');
}
