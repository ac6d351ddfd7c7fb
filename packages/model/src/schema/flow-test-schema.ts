import type { JsonSchema } from '../block-definition.js';
import { FORMAT_VERSION } from '../flow.js';
import { flowSchemaDefs, ref } from './defs.js';

/**
 * The rules that can choose a caller ID (docs/caller-id.md): the seven strategies, the purpose
 * defaults and the fallbacks. Scenario tests name them in `expect.transfer.rule`.
 */
export const CALLER_ID_RULES = [
  'outboundWhisper',
  'fixed',
  'variable',
  'queue',
  'caller',
  'agentGroup',
  'sameAreaCode',
  'randomAllowed',
  'agentChoice',
  'agentDefault',
  'firstAllowed',
  'defaultOutboundQueue',
  'principal',
  'none',
] as const;
export type CallerIdRule = (typeof CALLER_ID_RULES)[number];

export const FLOW_TEST_SCHEMA_ID = `https://callflow.dev/schemas/flow-test/v${FORMAT_VERSION}.json`;

/**
 * Builds schemas/flow-test.schema.json: scenario tests for flows (`flows/<name>.test.json`), run by
 * `callflow test`. A scenario scripts the caller, the agents and the outside world, then states what
 * must have happened.
 */
export function buildFlowTestSchema(): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: FLOW_TEST_SCHEMA_ID,
    title: 'callflow flow test',
    type: 'object',
    properties: {
      $schema: { type: 'string' },
      formatVersion: { const: FORMAT_VERSION },
      flow: { ...ref('flowId'), description: 'The flow under test (its entry point for the call).' },
      scenarios: { type: 'array', minItems: 1, items: ref('scenario') },
    },
    required: ['formatVersion', 'flow', 'scenarios'],
    additionalProperties: false,
    $defs: {
      flowId: flowSchemaDefs.flowId,
      blockId: flowSchemaDefs.blockId,
      resourceName: flowSchemaDefs.resourceName,
      callerIdRule: {
        description: 'A caller-ID rule (docs/caller-id.md).',
        enum: [...CALLER_ID_RULES],
      },
      scenario: {
        type: 'object',
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 200 },
          call: {
            type: 'object',
            properties: {
              from: { type: 'string', maxLength: 32, description: "The caller's number." },
              to: { type: 'string', maxLength: 32, description: 'The dialled number (DNIS).' },
              at: {
                type: 'string',
                format: 'date-time',
                description: 'When the call starts (ISO 8601 with offset).',
              },
            },
            required: ['from', 'to', 'at'],
            additionalProperties: false,
          },
          variables: { type: 'object', description: 'Variables preset on the contact.' },
          caller: {
            description:
              'What the caller does, in order. Each step happens when the flow next waits for the caller.',
            type: 'array',
            items: {
              type: 'object',
              properties: {
                press: { type: 'string', pattern: '^[0-9*#]+$', maxLength: 40 },
                wait: { type: 'integer', minimum: 0, description: 'Stay silent for this many seconds.' },
                speak: {
                  type: 'integer',
                  minimum: 1,
                  maximum: 600,
                  description:
                    'Leave a voicemail message this many seconds long, then press its finish key (once the flow records one).',
                },
                hangUp: { const: true },
              },
              additionalProperties: false,
              minProperties: 1,
              maxProperties: 1,
            },
          },
          agents: {
            description:
              'Simulated agents by name (from resources) and how they behave when offered a contact.',
            type: 'object',
            propertyNames: ref('resourceName'),
            additionalProperties: {
              type: 'object',
              properties: {
                state: { enum: ['Available', 'Offline', 'Busy'] },
                availableAfterSeconds: { type: 'integer', minimum: 0 },
                onOffer: {
                  enum: ['accept', 'ignore'],
                  description: '"ignore" lets the offer time out (RONA).',
                },
                transferAfterAccept: {
                  description:
                    'Once connected to the call, the agent blind-transfers it (once) after afterSeconds (default 0): to a queue, an agent or a number.',
                  type: 'object',
                  properties: {
                    afterSeconds: { type: 'integer', minimum: 0 },
                    to: {
                      type: 'object',
                      properties: {
                        queue: { type: 'string', minLength: 1 },
                        agent: { type: 'string', minLength: 1 },
                        number: { type: 'string', minLength: 1 },
                      },
                      additionalProperties: false,
                      minProperties: 1,
                      maxProperties: 1,
                    },
                  },
                  required: ['to'],
                  additionalProperties: false,
                },
              },
              additionalProperties: false,
            },
          },
          dial: {
            description: 'How external numbers answer transfers and callbacks, by number ("*" for any).',
            type: 'object',
            additionalProperties: { enum: ['answer', 'busy', 'noAnswer', 'fail'] },
          },
          http: {
            description: 'Canned HTTP answers by URL prefix; unmatched requests fail.',
            type: 'array',
            items: {
              type: 'object',
              properties: {
                url: { type: 'string' },
                status: { type: 'integer', minimum: 100, maximum: 599 },
                body: {},
                delaySeconds: { type: 'integer', minimum: 0 },
              },
              required: ['url'],
              additionalProperties: false,
            },
          },
          maxSeconds: { type: 'integer', minimum: 1, description: 'Simulated time limit (default 3600).' },
          seed: {
            type: 'integer',
            minimum: 0,
            maximum: 4294967295,
            description:
              'Seed of the random source that Distribute by percentage and the random caller-ID fallback draw from (default 1): the same seed takes the same branches every run.',
          },
          expect: ref('expectation'),
        },
        required: ['name', 'call', 'expect'],
        additionalProperties: false,
      },
      expectation: {
        type: 'object',
        properties: {
          path: {
            type: 'array',
            items: ref('blockId'),
            description: 'Blocks entered, in order, in the entry flow (exact).',
          },
          // A list that would check nothing when empty must name at least one item.
          visits: {
            type: 'array',
            items: ref('blockId'),
            minItems: 1,
            description: 'Blocks entered in this order (others may come between).',
          },
          notVisits: { type: 'array', items: ref('blockId'), minItems: 1 },
          prompts: {
            type: 'array',
            items: { type: 'string' },
            minItems: 1,
            description: 'Texts played to the caller, in order (each a substring of the played text).',
          },
          agentPrompts: {
            type: 'array',
            items: { type: 'string' },
            minItems: 1,
            description: 'Texts played to the agent (whispers), in order (substrings).',
          },
          logs: {
            type: 'array',
            items: { type: 'string' },
            minItems: 1,
            description:
              'Lines Log to the contact trace blocks wrote, in order (substrings; secure values show as •••).',
          },
          queue: ref('resourceName'),
          offeredTo: ref('resourceName'),
          popover: {
            type: 'array',
            items: {
              type: 'object',
              properties: { label: { type: 'string' }, value: {} },
              required: ['label'],
              additionalProperties: false,
            },
          },
          transfer: {
            type: 'object',
            properties: {
              to: { type: 'string' },
              callerId: { type: 'string', description: 'The caller ID shown to the called party (E.164).' },
              callerIdName: { type: 'string' },
              rule: { ...ref('callerIdRule'), description: 'The caller-ID rule that chose the number.' },
              sendDigits: {
                type: 'string',
                description: 'The extension keyed in once the number answered (the digits after ":").',
              },
            },
            additionalProperties: false,
          },
          callback: {
            type: 'object',
            properties: {
              number: { type: 'string' },
              queue: ref('resourceName'),
              status: { type: 'string' },
              callerId: { type: 'string', description: 'The caller ID the callback was placed with.' },
              rule: { ...ref('callerIdRule'), description: 'The caller-ID rule that chose it.' },
            },
            additionalProperties: false,
          },
          variables: { type: 'object', minProperties: 1 },
          recording: { type: 'array', items: { enum: ['start', 'pause', 'resume', 'stop'] } },
          end: {
            enum: ['disconnected', 'callerHungUp', 'connectedToAgent', 'transferred', 'error'],
            description: 'How the contact ended.',
          },
        },
        // A scenario that expects nothing passes whatever the call does.
        minProperties: 1,
        additionalProperties: false,
      },
    },
  };
}
