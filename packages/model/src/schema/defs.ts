import type { JsonSchema } from '../block-definition.js';
import { ID_PATTERN, MAX_VARIABLE_VALUE_LENGTH, NAME_PATTERN } from '../flow.js';

/** Building blocks shared by every block's settings schema, published under `$defs` of the flow schema. */

export const CONDITION_OPERATORS = [
  'equals',
  'notEquals',
  'greaterThan',
  'greaterThanOrEqual',
  'lessThan',
  'lessThanOrEqual',
  'contains',
  'startsWith',
  'endsWith',
  'isEmpty',
  'isNotEmpty',
  'in',
] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export const CALLER_ID_STRATEGIES = [
  'fixed',
  'variable',
  'queue',
  'caller',
  'agentGroup',
  'sameAreaCode',
  'agentChoice',
] as const;
export type CallerIdStrategy = (typeof CALLER_ID_STRATEGIES)[number];

export const RESOURCE_NAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.-]*$';
export const VARIABLE_REF_PATTERN = '^\\$?[A-Za-z][A-Za-z0-9_]*$';
export const DIGIT_PATTERN = '^[0-9*#]$';

export const ref = (name: string): JsonSchema => ({ $ref: `#/$defs/${name}` });

export const flowSchemaDefs: Record<string, JsonSchema> = {
  blockId: { type: 'string', pattern: ID_PATTERN, maxLength: 64 },
  flowId: { type: 'string', pattern: ID_PATTERN, maxLength: 64 },
  variableName: { type: 'string', pattern: NAME_PATTERN, maxLength: 64 },
  variableRef: { type: 'string', pattern: VARIABLE_REF_PATTERN, maxLength: 65 },
  resourceName: { type: 'string', pattern: RESOURCE_NAME_PATTERN, maxLength: 64 },
  seconds: { type: 'integer', minimum: 0, maximum: 86400 },
  literal: {
    description: 'A literal value; strings hold at most 256 characters (CAD limit).',
    anyOf: [
      { type: 'string', maxLength: MAX_VARIABLE_VALUE_LENGTH },
      { type: 'number' },
      { type: 'boolean' },
      { type: 'null' },
      { type: 'array' },
      { type: 'object' },
    ],
  },
  operand: {
    description:
      'A literal `{ "value": ... }` or a variable `{ "variable": "name" }` (system variables start with $).',
    type: 'object',
    properties: {
      value: { ...ref('literal'), description: 'A literal value; strings hold at most 256 characters.' },
      variable: {
        ...ref('variableRef'),
        description: 'Name of the variable whose value is used; system variables start with $.',
      },
    },
    additionalProperties: false,
    minProperties: 1,
    maxProperties: 1,
  },
  prompt: {
    description:
      'A prompt from resources `{ "prompt": "name" }` or text-to-speech `{ "text": "..." }`. `{{variable}}` placeholders are plain lookups.',
    type: 'object',
    properties: {
      prompt: { ...ref('resourceName'), description: 'Name of a prompt in resources.' },
      text: {
        type: 'string',
        minLength: 1,
        maxLength: 2000,
        description:
          'Text spoken by text-to-speech, 1 to 2000 characters; `{{variable}}` placeholders are replaced.',
      },
    },
    additionalProperties: false,
    minProperties: 1,
    maxProperties: 1,
  },
  condition: {
    description: 'Structured condition: a comparison, or all / any / not of conditions. Never code.',
    type: 'object',
    properties: {
      all: {
        type: 'array',
        items: ref('condition'),
        minItems: 1,
        maxItems: 50,
        description: 'Holds when every condition in the list holds (1 to 50).',
      },
      any: {
        type: 'array',
        items: ref('condition'),
        minItems: 1,
        maxItems: 50,
        description: 'Holds when at least one condition in the list holds (1 to 50).',
      },
      not: { ...ref('condition'), description: 'Holds when this condition does not.' },
      variable: {
        ...ref('variableRef'),
        description: 'Variable compared; system variables start with $.',
      },
      operator: {
        enum: [...CONDITION_OPERATORS],
        description: 'Comparison; `isEmpty` and `isNotEmpty` take no value, `in` takes a list.',
      },
      value: {
        ...ref('operand'),
        description: 'What the variable is compared with: a literal or a variable.',
      },
    },
    additionalProperties: false,
    oneOf: [
      { required: ['all'], maxProperties: 1 },
      { required: ['any'], maxProperties: 1 },
      { required: ['not'], maxProperties: 1 },
      {
        required: ['variable', 'operator'],
        not: { anyOf: [{ required: ['all'] }, { required: ['any'] }, { required: ['not'] }] },
      },
    ],
  },
  callerId: {
    description: 'How the caller ID shown to the called party is chosen (docs/caller-id.md).',
    type: 'object',
    properties: {
      strategy: {
        enum: [...CALLER_ID_STRATEGIES],
        description:
          'Where the number comes from: `fixed`, `variable`, `queue` (its outbound caller ID), `caller` (passed through), `agentGroup`, `sameAreaCode` or `agentChoice`.',
      },
      number: {
        type: 'string',
        minLength: 1,
        maxLength: 64,
        description: 'With `fixed`: a number name from resources, or an E.164 number.',
      },
      variable: { ...ref('variableRef'), description: 'With `variable`: the variable holding the number.' },
      fallback: {
        enum: ['principal', 'random'],
        description:
          'With `sameAreaCode`, when no allowed number matches: `random` (default) a random allowed number, `principal` the principal number.',
      },
    },
    required: ['strategy'],
    additionalProperties: false,
    allOf: [
      { if: { properties: { strategy: { const: 'fixed' } } }, then: { required: ['number'] } },
      { if: { properties: { strategy: { const: 'variable' } } }, then: { required: ['variable'] } },
    ],
  },
  callerIdName: {
    type: 'string',
    maxLength: 50,
    description:
      'Display name; not guaranteed to show. SIP-reserved characters ; / ? : @ & = + $ , are refused.',
    pattern: '^[^;/?:@&=+$,]*$',
  },
};
