import type { Resources } from '../resources.js';

/** The kinds of entry the resources file holds, each under its own section. */
export const RESOURCE_REFERENCE_KINDS = [
  'queue',
  'number',
  'prompt',
  'hours',
  'agentGroup',
  'agent',
] as const;
export type ResourceReferenceKind = (typeof RESOURCE_REFERENCE_KINDS)[number];

/** Something other things can use: a resource entry or a flow. */
export type UsableKind = ResourceReferenceKind | 'flow';

export const RESOURCE_SECTIONS: Readonly<Record<ResourceReferenceKind, keyof Resources & string>> = {
  queue: 'queues',
  number: 'numbers',
  prompt: 'prompts',
  hours: 'hours',
  agentGroup: 'agentGroups',
  agent: 'agents',
};

/** One setting of a resource entry (or of the account) that names another resource or a flow. */
export interface ResourceField {
  /** The section holding the entries, or "account" for the single account object. */
  section: keyof Resources & string;
  field: string;
  kind: UsableKind;
  /** A list of names rather than one name. */
  many: boolean;
  /** In an admin's words, as the where-used list shows it. */
  label: string;
}

/**
 * Every place the resources file names something. The resources schema says only "a resource name";
 * this table says of which kind. A test walks the schema and fails when a field naming something is
 * missing here, so a new field cannot be forgotten by where-used and rename.
 */
export const RESOURCE_FIELDS: readonly ResourceField[] = [
  { section: 'account', field: 'principalNumber', kind: 'number', many: false, label: 'principal number' },
  { section: 'account', field: 'callbackPrompt', kind: 'prompt', many: false, label: 'callback prompt' },
  { section: 'numbers', field: 'groups', kind: 'agentGroup', many: true, label: 'agent groups' },
  { section: 'numbers', field: 'inboundFlow', kind: 'flow', many: false, label: 'inbound flow' },
  { section: 'queues', field: 'agentGroup', kind: 'agentGroup', many: false, label: 'agent group' },
  { section: 'queues', field: 'outboundCallerId', kind: 'number', many: false, label: 'outbound caller ID' },
  { section: 'queues', field: 'hours', kind: 'hours', many: false, label: 'hours of operation' },
  { section: 'queues', field: 'customerQueueFlow', kind: 'flow', many: false, label: 'customer-queue flow' },
  { section: 'queues', field: 'agentWhisperFlow', kind: 'flow', many: false, label: 'agent whisper flow' },
  {
    section: 'queues',
    field: 'customerWhisperFlow',
    kind: 'flow',
    many: false,
    label: 'customer whisper flow',
  },
  {
    section: 'queues',
    field: 'outboundWhisperFlow',
    kind: 'flow',
    many: false,
    label: 'outbound whisper flow',
  },
  { section: 'agentGroups', field: 'callerIdNumber', kind: 'number', many: false, label: 'caller-ID number' },
  { section: 'agents', field: 'groups', kind: 'agentGroup', many: true, label: 'groups' },
  { section: 'agents', field: 'allowedNumbers', kind: 'number', many: true, label: 'allowed numbers' },
  { section: 'agents', field: 'defaultNumber', kind: 'number', many: false, label: 'default number' },
  {
    section: 'agents',
    field: 'defaultOutboundQueue',
    kind: 'queue',
    many: false,
    label: 'default outbound queue',
  },
];

/** The resource kind whose entries live under `section`, or undefined for "account" and the rest. */
export function kindOfSection(section: string): ResourceReferenceKind | undefined {
  return RESOURCE_REFERENCE_KINDS.find((kind) => RESOURCE_SECTIONS[kind] === section);
}
