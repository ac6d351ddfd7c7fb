import type { JsonSchema } from '../block-definition.js';
import { BLOCKS } from '../blocks/index.js';
import {
  FLOW_TYPES,
  FORMAT_VERSION,
  MAX_BLOCKS,
  MAX_VARIABLE_VALUE_LENGTH,
  VARIABLE_TYPES,
} from '../flow.js';
import { flowSchemaDefs, ref } from './defs.js';

export const FLOW_SCHEMA_ID = `https://callflow.dev/schemas/flow/v${FORMAT_VERSION}.json`;

/** Builds schemas/flow.schema.json from the block catalog. */
export function buildFlowSchema(): JsonSchema {
  const settingsDefs: Record<string, JsonSchema> = {};
  for (const block of BLOCKS) settingsDefs[`settings.${block.type}`] = block.settingsSchema;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: FLOW_SCHEMA_ID,
    title: 'callflow flow',
    description: 'A contact flow: blocks keyed by id, wired by named outcomes. See docs/format.md.',
    type: 'object',
    properties: {
      $schema: {
        type: 'string',
        description: 'Relative path to this schema, for editors that speak JSON Schema.',
      },
      formatVersion: {
        const: FORMAT_VERSION,
        description: 'Older versions are upgraded by `callflow migrate`.',
      },
      id: { ...ref('flowId'), description: 'Stable id; the file is named `<id>.flow.json`.' },
      name: { type: 'string', minLength: 1, maxLength: 100 },
      type: { enum: [...FLOW_TYPES] },
      description: { type: 'string', maxLength: 2000 },
      start: { ...ref('blockId'), description: 'The first block.' },
      variables: {
        type: 'object',
        propertyNames: ref('variableName'),
        additionalProperties: ref('variableDeclaration'),
        maxProperties: 200,
      },
      popover: {
        description: 'Variables shown in the agent popover, in order (3 to 6, never secure).',
        type: 'array',
        items: ref('variableName'),
        maxItems: 50,
      },
      module: {
        type: 'object',
        properties: {
          inputs: {
            type: 'object',
            propertyNames: ref('variableName'),
            additionalProperties: ref('parameter'),
          },
          outputs: {
            type: 'object',
            propertyNames: ref('variableName'),
            additionalProperties: ref('parameter'),
          },
        },
        additionalProperties: false,
      },
      blocks: {
        type: 'object',
        propertyNames: ref('blockId'),
        additionalProperties: ref('block'),
        minProperties: 1,
        maxProperties: MAX_BLOCKS,
      },
      layout: {
        description: 'Canvas positions only; never read by the runtime.',
        type: 'object',
        propertyNames: ref('blockId'),
        additionalProperties: ref('position'),
      },
    },
    required: ['formatVersion', 'id', 'name', 'type', 'start', 'blocks'],
    additionalProperties: false,
    $defs: {
      ...flowSchemaDefs,
      variableDeclaration: {
        type: 'object',
        properties: {
          type: { enum: [...VARIABLE_TYPES] },
          default: ref('literal'),
          label: { type: 'string', minLength: 1, maxLength: 60, description: 'Desktop label agents see.' },
          description: { type: 'string', maxLength: 500 },
          agentViewable: { type: 'boolean' },
          agentEditable: { type: 'boolean' },
          secure: { type: 'boolean' },
          reportable: { type: 'boolean' },
        },
        required: ['type'],
        additionalProperties: false,
      },
      parameter: {
        type: 'object',
        properties: {
          type: { enum: [...VARIABLE_TYPES] },
          required: { type: 'boolean' },
          description: { type: 'string', maxLength: 500 },
        },
        required: ['type'],
        additionalProperties: false,
      },
      position: {
        type: 'object',
        properties: { x: { type: 'number' }, y: { type: 'number' } },
        required: ['x', 'y'],
        additionalProperties: false,
      },
      outcomeName: { type: 'string', pattern: '^(?:[0-9*#]|[a-z][A-Za-z0-9]*)$', maxLength: 40 },
      block: {
        type: 'object',
        properties: {
          type: { enum: BLOCKS.map((b) => b.type) },
          label: { type: 'string', maxLength: 100 },
          settings: { type: 'object' },
          next: { type: 'object', propertyNames: ref('outcomeName'), additionalProperties: ref('blockId') },
        },
        required: ['type', 'settings'],
        additionalProperties: false,
        allOf: BLOCKS.map((b) => ({
          if: { properties: { type: { const: b.type } }, required: ['type'] },
          then: { properties: { settings: ref(`settings.${b.type}`) } },
        })),
      },
      ...settingsDefs,
    },
  };
}

export { MAX_VARIABLE_VALUE_LENGTH };
