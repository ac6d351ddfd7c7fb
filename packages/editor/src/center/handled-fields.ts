/** The fields each Center form has its own controls for; any other field of the schema gets a generic one. */
import type { ResourceKind } from '@callflow/model';

export const HANDLED_FIELDS: Readonly<Record<ResourceKind | 'account', readonly string[]>> = {
  numbers: ['number', 'displayName', 'groups', 'inboundFlow'],
  queues: [
    'displayName',
    'agentGroup',
    'outboundCallerId',
    'outboundCallerIdName',
    'customerQueueFlow',
    'agentWhisperFlow',
    'customerWhisperFlow',
    'outboundWhisperFlow',
    'maxContacts',
    'offerTimeoutSeconds',
    'hours',
    'callback',
  ],
  hours: ['timeZone', 'weekly', 'holidays', 'overrides'],
  prompts: ['text', 'language', 'voice', 'audioFile', 'audioUrl'],
  agentGroups: ['displayName', 'callerIdNumber'],
  agents: ['displayName', 'groups', 'allowedNumbers', 'defaultNumber', 'defaultOutboundQueue'],
  account: [
    'name',
    'defaultRegion',
    'principalNumber',
    'allowedCountries',
    'allowedSpecialNumbers',
    'maxConcurrentCalls',
  ],
};
