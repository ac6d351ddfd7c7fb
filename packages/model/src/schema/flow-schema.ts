import type { JsonSchema } from '../block-definition.js';
import { BLOCKS } from '../blocks/index.js';
import {
  FLOW_TYPES,
  FORMAT_VERSION,
  ID_PATTERN,
  MAX_BLOCKS,
  MAX_NOTE_TEXT,
  MAX_NOTES,
  MAX_VARIABLE_VALUE_LENGTH,
  NOTE_COLORS,
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
      name: {
        type: 'string',
        minLength: 1,
        maxLength: 100,
        description: 'Display name, 1 to 100 characters.',
      },
      type: {
        enum: [...FLOW_TYPES],
        description: 'Flow type; it decides which blocks are allowed and where the flow can be used.',
      },
      description: {
        type: 'string',
        maxLength: 2000,
        description: 'Free text for admins, at most 2000 characters.',
      },
      start: { ...ref('blockId'), description: 'The first block.' },
      variables: {
        description: 'Contact variables this flow declares, by name (at most 200).',
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
        description: 'Only in module flows: the inputs it takes and the outputs its Return blocks give.',
        type: 'object',
        properties: {
          inputs: {
            description: 'Inputs by name; the invoking block maps values onto them.',
            type: 'object',
            propertyNames: ref('variableName'),
            additionalProperties: ref('parameter'),
          },
          outputs: {
            description: 'Outputs by name; each Return block gives their values.',
            type: 'object',
            propertyNames: ref('variableName'),
            additionalProperties: ref('parameter'),
          },
        },
        additionalProperties: false,
      },
      blocks: {
        description: 'The blocks, keyed by block id.',
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
      notes: {
        description:
          'Sticky notes on the canvas, by note id: text for admins kept with the layout; never read by the runtime.',
        type: 'object',
        propertyNames: ref('noteId'),
        additionalProperties: ref('note'),
        maxProperties: MAX_NOTES,
      },
    },
    required: ['formatVersion', 'id', 'name', 'type', 'start', 'blocks'],
    additionalProperties: false,
    $defs: {
      ...flowSchemaDefs,
      variableDeclaration: {
        type: 'object',
        properties: {
          type: {
            enum: [...VARIABLE_TYPES],
            description: 'The value type; JSON variables are capped in size and never agent viewable.',
          },
          default: {
            ...ref('literal'),
            description: 'Value at the start of the contact; must fit the type.',
          },
          label: { type: 'string', minLength: 1, maxLength: 60, description: 'Desktop label agents see.' },
          description: {
            type: 'string',
            maxLength: 500,
            description: 'What the variable holds, for admins.',
          },
          agentViewable: {
            type: 'boolean',
            description: 'Shown on the agent desktop; needed to be in the popover.',
          },
          agentEditable: {
            type: 'boolean',
            description: 'The agent may change it (only when agent viewable); the first save wins.',
          },
          secure: {
            type: 'boolean',
            description:
              'Sensitive: never logged, traced, put in a popover or an error message; masked on the desktop.',
          },
          reportable: { type: 'boolean', description: 'Kept for reporting after the contact ends.' },
        },
        required: ['type'],
        additionalProperties: false,
      },
      parameter: {
        type: 'object',
        properties: {
          type: { enum: [...VARIABLE_TYPES], description: 'The value type.' },
          required: {
            type: 'boolean',
            description: 'The invoking block must give it (inputs) or every Return must (outputs).',
          },
          description: {
            type: 'string',
            maxLength: 500,
            description: 'What the parameter means, for admins.',
          },
        },
        required: ['type'],
        additionalProperties: false,
      },
      position: {
        type: 'object',
        properties: {
          x: { type: 'number', description: 'Horizontal canvas position, in pixels.' },
          y: { type: 'number', description: 'Vertical canvas position, in pixels.' },
        },
        required: ['x', 'y'],
        additionalProperties: false,
      },
      noteId: { type: 'string', pattern: ID_PATTERN, maxLength: 64 },
      note: {
        description:
          'A sticky note: plain text, free on the canvas or attached to a block (it moves with it).',
        type: 'object',
        properties: {
          text: {
            type: 'string',
            maxLength: MAX_NOTE_TEXT,
            description: `The note's plain text (no markup), at most ${MAX_NOTE_TEXT} characters.`,
          },
          color: { enum: [...NOTE_COLORS], description: "The note's colour; yellow when absent." },
          block: {
            ...ref('blockId'),
            description:
              'The block the note is attached to: it moves with the block, and x and y are offsets from it.',
          },
          x: {
            type: 'number',
            description: 'Horizontal position in pixels: on the canvas, or from the attached block.',
          },
          y: {
            type: 'number',
            description: 'Vertical position in pixels: on the canvas, or from the attached block.',
          },
        },
        required: ['text', 'x', 'y'],
        additionalProperties: false,
      },
      outcomeName: { type: 'string', pattern: '^(?:[0-9*#]|[a-z][A-Za-z0-9]*)$', maxLength: 40 },
      block: {
        type: 'object',
        properties: {
          type: {
            enum: BLOCKS.map((b) => b.type),
            description: 'Block type; it decides the settings and outcomes.',
          },
          label: {
            type: 'string',
            maxLength: 100,
            description: 'Name shown on the canvas, at most 100 characters.',
          },
          settings: { type: 'object', description: "The block's settings; which ones depends on `type`." },
          next: {
            description: 'Wiring: outcome name to the id of the block that follows.',
            type: 'object',
            propertyNames: ref('outcomeName'),
            additionalProperties: ref('blockId'),
          },
        },
        required: ['type', 'settings'],
        additionalProperties: false,
        allOf: BLOCKS.map((b) => ({
          if: { properties: { type: { const: b.type } }, required: ['type'] },
          then: { properties: { settings: { ...ref(`settings.${b.type}`), description: b.description } } },
        })),
      },
      ...settingsDefs,
    },
  };
}

export { MAX_VARIABLE_VALUE_LENGTH };
