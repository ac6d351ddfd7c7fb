import { defineBlock, outcome } from '../block-definition.js';
import { ref } from '../schema/defs.js';
import { ALL_FLOWS, arr, obj, operandRefs, operandSummary, refIf } from './common.js';

export interface Assignment {
  variable: string;
  value: { value: unknown } | { variable: string };
}

export interface SetVariablesSettings {
  assignments: Assignment[];
}

export const setVariables = defineBlock<SetVariablesSettings>({
  type: 'setVariables',
  title: 'Set variables',
  group: 'logic',
  icon: '≔',
  description: 'Sets flow variables (contact-attached data) from values or other variables.',
  docs: 'Assigns each variable in order. A value is converted to the declared type; a value that does not convert, or a string over 256 characters, takes the `error` outcome and leaves the variable unchanged.',
  flowTypes: ALL_FLOWS,
  settingsSchema: {
    type: 'object',
    properties: {
      assignments: {
        description:
          "Assignments made in order (1 to 50); a value that does not convert to the variable's type takes `error`.",
        type: 'array',
        minItems: 1,
        maxItems: 50,
        items: {
          type: 'object',
          properties: {
            variable: {
              ...ref('variableName'),
              description: 'Variable assigned; the value is converted to its declared type.',
            },
            value: {
              ...ref('operand'),
              description:
                "New value: a literal or another variable's value; strings hold at most 256 characters.",
            },
          },
          required: ['variable', 'value'],
          additionalProperties: false,
        },
      },
    },
    required: ['assignments'],
    additionalProperties: false,
  },
  outcomeNames: ['success', 'error'],
  outcomes: () => [outcome('success', 'Success'), outcome('error', 'Error')],
  terminal: false,
  waits: () => false,
  defaults: () => ({ assignments: [{ variable: 'reason', value: { value: 'support' } }] }),
  summary: (s) =>
    arr(s.assignments)
      .map((a) => `${String(obj(a)?.variable ?? '')} = ${operandSummary(obj(a)?.value)}`)
      .join(', '),
  references: (s) =>
    arr(s.assignments).flatMap((a, i) => [
      ...refIf('writableVariable', obj(a)?.variable, `/assignments/${i}/variable`),
      ...operandRefs(obj(a)?.value, `/assignments/${i}/value`),
    ]),
  form: [{ key: 'assignments', label: 'Assignments', widget: 'assignments' }],
});
