import type { JsonSchema } from '../block-definition.js';
import { FORMAT_VERSION } from '../flow.js';
import { AGENT_CALLER_ID_STRATEGIES, WEEKDAYS } from '../resources.js';
import { flowSchemaDefs, ref } from './defs.js';

/** A prompt recording stored beside the flows: `prompts/<name>.wav` or `.mp3`. */
export const PROMPT_AUDIO_FILE_PATTERN = '^prompts/[A-Za-z0-9][A-Za-z0-9_.-]*\\.(?:wav|mp3)$';

export const RESOURCES_SCHEMA_ID = `https://callflow.dev/schemas/resources/v${FORMAT_VERSION}.json`;

const named = (item: JsonSchema): JsonSchema => ({
  type: 'object',
  propertyNames: ref('resourceName'),
  additionalProperties: item,
});
const names: JsonSchema = { type: 'array', items: ref('resourceName'), uniqueItems: true };
const agentCallerId: JsonSchema = {
  type: 'object',
  description: 'How the caller ID of calls agents place is chosen (docs/caller-id.md).',
  properties: {
    strategy: { enum: [...AGENT_CALLER_ID_STRATEGIES] },
    fallback: { enum: ['random', 'default'] },
  },
  required: ['strategy'],
  additionalProperties: false,
};

/** Builds schemas/resources.schema.json. */
export function buildResourcesSchema(): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: RESOURCES_SCHEMA_ID,
    title: 'callflow resources',
    description: 'Queues, numbers, agents, hours and prompts that flows refer to by name.',
    type: 'object',
    properties: {
      $schema: { type: 'string' },
      formatVersion: { const: FORMAT_VERSION },
      account: {
        type: 'object',
        properties: {
          name: { type: 'string', maxLength: 100 },
          defaultRegion: ref('region'),
          principalNumber: ref('resourceName'),
          allowedCountries: {
            type: 'array',
            items: ref('region'),
            uniqueItems: true,
            description: 'Countries flows and agents may dial (toll-fraud guard); an empty list allows none.',
          },
          allowedSpecialNumbers: {
            type: 'array',
            items: { type: 'string', pattern: '^\\+?[0-9*#]{2,18}$' },
            uniqueItems: true,
            description:
              'Short codes, service codes and premium-rate numbers flows may dial, each exactly as dialled ("911", "+19005550123"); flows cannot dial any other.',
          },
          maxConcurrentCalls: { type: 'integer', minimum: 1 },
          agentCallerId,
          wrapUpReasons: {
            type: 'array',
            items: { type: 'string', minLength: 1, maxLength: 60 },
            uniqueItems: true,
            maxItems: 50,
            description: 'The wrap-up reasons agents pick from after a call.',
          },
          consultPopover: {
            type: 'array',
            items: ref('variableName'),
            uniqueItems: true,
            maxItems: 6,
            description:
              'Variables a consult popover shows after the agent name, DN and team (at most 6; secure ones never).',
          },
          callbackPrompt: ref('resourceName'),
        },
        required: ['defaultRegion', 'principalNumber', 'allowedCountries'],
        additionalProperties: false,
      },
      numbers: named({
        type: 'object',
        properties: {
          number: ref('e164'),
          displayName: { type: 'string', minLength: 1, maxLength: 60 },
          groups: names,
          inboundFlow: ref('flowId'),
        },
        required: ['number', 'displayName'],
        additionalProperties: false,
      }),
      queues: named({
        type: 'object',
        properties: {
          displayName: { type: 'string', minLength: 1, maxLength: 60 },
          agentGroup: ref('resourceName'),
          outboundCallerId: ref('resourceName'),
          outboundCallerIdName: flowSchemaDefs.callerIdName,
          customerQueueFlow: ref('flowId'),
          agentWhisperFlow: ref('flowId'),
          customerWhisperFlow: ref('flowId'),
          outboundWhisperFlow: ref('flowId'),
          maxContacts: { type: 'integer', minimum: 1 },
          offerTimeoutSeconds: { type: 'integer', minimum: 5, maximum: 300 },
          hours: {
            ...ref('resourceName'),
            description: "The queue's hours of operation: what Check hours judges when it names no hours.",
          },
          callback: {
            type: 'object',
            description:
              'How callbacks into this queue are tried when the request does not say (web callbacks).',
            properties: {
              initialDelaySeconds: ref('seconds'),
              maxAttempts: { type: 'integer', minimum: 1, maximum: 10 },
              retryDelaySeconds: ref('seconds'),
              maxQueueSeconds: ref('seconds'),
            },
            additionalProperties: false,
          },
        },
        required: ['displayName', 'agentGroup'],
        additionalProperties: false,
      }),
      agentGroups: named({
        type: 'object',
        properties: {
          displayName: { type: 'string', minLength: 1, maxLength: 60 },
          callerIdNumber: ref('resourceName'),
          agentCallerId,
        },
        required: ['displayName'],
        additionalProperties: false,
      }),
      agents: named({
        type: 'object',
        properties: {
          displayName: { type: 'string', minLength: 1, maxLength: 60 },
          groups: names,
          allowedNumbers: names,
          defaultNumber: ref('resourceName'),
          defaultOutboundQueue: ref('resourceName'),
          phone: { type: 'string', pattern: '^[0-9+#*: ()-]{3,32}$' },
        },
        required: ['displayName', 'groups'],
        additionalProperties: false,
      }),
      hours: named({
        type: 'object',
        properties: {
          timeZone: { type: 'string', minLength: 1, maxLength: 64 },
          weekly: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                days: { type: 'array', items: { enum: [...WEEKDAYS] }, minItems: 1, uniqueItems: true },
                open: ref('time'),
                close: ref('time'),
              },
              required: ['days', 'open', 'close'],
              additionalProperties: false,
            },
          },
          holidays: {
            type: 'array',
            items: {
              type: 'object',
              properties: { date: ref('date'), name: { type: 'string', maxLength: 100 } },
              required: ['date', 'name'],
              additionalProperties: false,
            },
          },
          overrides: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                name: { type: 'string', maxLength: 100 },
                from: ref('localDateTime'),
                to: ref('localDateTime'),
                open: { type: 'boolean' },
              },
              required: ['name', 'from', 'to', 'open'],
              additionalProperties: false,
            },
          },
        },
        required: ['timeZone', 'weekly'],
        additionalProperties: false,
      }),
      prompts: named({
        type: 'object',
        properties: {
          text: { type: 'string', minLength: 1, maxLength: 2000 },
          audioUrl: { type: 'string', pattern: '^https://', maxLength: 2000 },
          audioFile: {
            type: 'string',
            pattern: PROMPT_AUDIO_FILE_PATTERN,
            maxLength: 100,
            description:
              'A recording uploaded beside the flows (prompts/<file>.wav or .mp3), played instead of the text.',
          },
          language: { type: 'string', pattern: '^[a-z]{2}(-[A-Z]{2})?$' },
          voice: {
            type: 'string',
            minLength: 1,
            maxLength: 64,
            pattern: '^[A-Za-z0-9][A-Za-z0-9_.:-]*$',
            description: 'The text-to-speech voice, as the telephony provider names it ("Polly.Joanna").',
          },
        },
        required: ['text'],
        additionalProperties: false,
      }),
      httpAllowlist: {
        type: 'array',
        items: { type: 'string', pattern: '^[A-Za-z0-9.-]+(:[0-9]+)?$' },
        uniqueItems: true,
      },
    },
    required: ['formatVersion', 'account', 'numbers', 'queues', 'agentGroups', 'agents', 'hours', 'prompts'],
    additionalProperties: false,
    $defs: {
      resourceName: flowSchemaDefs.resourceName,
      variableName: flowSchemaDefs.variableName,
      flowId: flowSchemaDefs.flowId,
      seconds: flowSchemaDefs.seconds,
      region: { type: 'string', pattern: '^[A-Z]{2}$' },
      e164: { type: 'string', pattern: '^\\+[1-9][0-9]{1,14}$' },
      time: { type: 'string', pattern: '^(?:[01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$' },
      date: { type: 'string', pattern: '^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])$' },
      localDateTime: {
        type: 'string',
        pattern: '^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])T(?:[01][0-9]|2[0-3]):[0-5][0-9]$',
      },
    },
  };
}
