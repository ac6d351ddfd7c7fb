/** The kinds of named entries the Center area lists, in the order it lists them, and a new entry of each. */
import type { ResourceKind, Resources } from '@callflow/model';

export interface KindInfo {
  kind: ResourceKind;
  /** Heading of the list ("Queues"). */
  title: string;
  /** One entry ("queue"), for buttons and labels. */
  one: string;
}

export const KINDS: readonly KindInfo[] = [
  { kind: 'queues', title: 'Queues', one: 'queue' },
  { kind: 'numbers', title: 'Numbers', one: 'number' },
  { kind: 'hours', title: 'Hours of operation', one: 'hours' },
  { kind: 'prompts', title: 'Prompts', one: 'prompt' },
  { kind: 'agentGroups', title: 'Agent groups', one: 'agent group' },
  { kind: 'agents', title: 'Agents', one: 'agent' },
];

export function kindInfo(kind: ResourceKind): KindInfo {
  return KINDS.find((k) => k.kind === kind)!;
}

/**
 * What a new entry starts with: the required fields, filled where a sensible value exists (the name as
 * display name, the first agent group, office hours) and left empty where only the admin knows (the
 * number itself, the prompt's text), so the form shows at once what is still missing.
 */
export function newEntry(kind: ResourceKind, resources: Resources): unknown {
  const displayName = '';
  switch (kind) {
    case 'numbers':
      return { number: '', displayName };
    case 'queues':
      return { displayName, agentGroup: Object.keys(resources.agentGroups)[0] ?? '' };
    case 'hours':
      return {
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
        weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '09:00', close: '17:00' }],
      };
    case 'prompts':
      return { text: '' };
    case 'agentGroups':
      return { displayName };
    case 'agents':
      return { displayName, groups: [] };
  }
}
