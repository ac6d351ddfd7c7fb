import { defineBlock } from '../block-definition.js';
import { ref } from '../schema/defs.js';
import { key, obj, operandRefs } from './common.js';

export interface ReturnSettings {
  /** Output name -> value. */
  outputs?: Record<string, { value: unknown } | { variable: string }>;
}

export const returnBlock = defineBlock<ReturnSettings>({
  type: 'return',
  title: 'Return',
  group: 'terminate',
  icon: '↩',
  description: 'Ends a module and returns its outputs to the invoking flow.',
  docs: "Ends the module: each declared output gets its value, and the invoking flow continues at its Invoke module block's `success` outcome. Only in module flows.",
  flowTypes: ['module'],
  settingsSchema: {
    type: 'object',
    properties: {
      outputs: {
        description:
          "Values of the module's declared outputs: output name to a literal or a variable's value.",
        type: 'object',
        propertyNames: ref('variableName'),
        additionalProperties: ref('operand'),
      },
    },
    additionalProperties: false,
  },
  outcomeNames: [],
  outcomes: () => [],
  terminal: true,
  waits: () => false,
  defaults: () => ({ outputs: {} }),
  summary: (s) => Object.keys(obj(s.outputs) ?? {}).join(', '),
  references: (s) =>
    Object.entries(obj(s.outputs) ?? {}).flatMap(([k, v]) => operandRefs(v, `/outputs/${key(k)}`)),
  form: [{ key: 'outputs', label: 'Outputs', widget: 'moduleParameters' }],
});
