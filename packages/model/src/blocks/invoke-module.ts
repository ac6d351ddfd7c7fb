import { defineBlock, outcome } from '../block-definition.js';
import { ref } from '../schema/defs.js';
import { key, obj, operandRefs, refIf } from './common.js';

export interface InvokeModuleSettings {
  module: string;
  /** Module input name -> value. */
  inputs?: Record<string, { value: unknown } | { variable: string }>;
  /** Module output name -> flow variable that receives it. */
  outputs?: Record<string, string>;
}

export const invokeModule = defineBlock<InvokeModuleSettings>({
  type: 'invokeModule',
  title: 'Invoke module',
  group: 'integrate',
  icon: '▣',
  description: 'Runs a reusable module flow with inputs, and returns here with its outputs.',
  docs: 'Runs the module flow with the given inputs. When the module reaches a Return block, its outputs are copied into the mapped variables and `success` is taken; if the module fails or disconnects without returning, `error` (or the call ends). Modules cannot invoke themselves.',
  flowTypes: ['inbound', 'customer-queue', 'module'],
  settingsSchema: {
    type: 'object',
    properties: {
      module: {
        ...ref('flowId'),
        description: 'Id of the module flow to run; a module cannot invoke itself.',
      },
      inputs: {
        description: "Module inputs: input name to a literal or a variable's value.",
        type: 'object',
        propertyNames: ref('variableName'),
        additionalProperties: ref('operand'),
      },
      outputs: {
        description:
          'Module outputs to copy back on `success`: output name to the variable of this flow that receives it.',
        type: 'object',
        propertyNames: ref('variableName'),
        additionalProperties: ref('variableName'),
      },
    },
    required: ['module'],
    additionalProperties: false,
  },
  outcomeNames: ['success', 'error'],
  outcomes: () => [outcome('success', 'Returned'), outcome('error', 'Error')],
  terminal: false,
  waits: () => false,
  defaults: () => ({ module: 'verify-caller', inputs: {}, outputs: {} }),
  summary: (s) => s.module ?? '',
  references: (s) => [
    ...refIf('flow', s.module, '/module', ['module']),
    ...Object.entries(obj(s.inputs) ?? {}).flatMap(([k, v]) => operandRefs(v, `/inputs/${key(k)}`)),
    ...Object.entries(obj(s.outputs) ?? {}).flatMap(([k, v]) =>
      refIf('writableVariable', v, `/outputs/${key(k)}`),
    ),
  ],
  form: [
    { key: 'module', label: 'Module', widget: 'flow', flowTypes: ['module'] },
    { key: 'inputs', label: 'Inputs', widget: 'moduleParameters' },
    { key: 'outputs', label: 'Outputs', widget: 'moduleParameters' },
  ],
});
