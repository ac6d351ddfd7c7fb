import type { VariableType } from './flow.js';

/**
 * Read-only variables the runtime provides. Flows read them by name with the `$` prefix
 * (e.g. `{ "variable": "$callerNumber" }`), so they can never clash with flow variables.
 */
export interface SystemVariable {
  name: string;
  type: VariableType;
  description: string;
}

export const SYSTEM_VARIABLES: readonly SystemVariable[] = [
  { name: '$callerNumber', type: 'string', description: "The caller's number (ANI), E.164 when known." },
  { name: '$dialedNumber', type: 'string', description: 'The number the caller dialled (DNIS).' },
  { name: '$contactId', type: 'string', description: 'The id of this contact.' },
  { name: '$channel', type: 'string', description: 'The channel: "voice".' },
  {
    name: '$lastDigits',
    type: 'string',
    description: 'The digits collected by the last menu or get-digits block.',
  },
  { name: '$queueName', type: 'string', description: 'The working queue (name from resources).' },
  {
    name: '$queuePosition',
    type: 'integer',
    description: 'Position in the queue, 1 = next (customer-queue flows).',
  },
  {
    name: '$estimatedWaitSeconds',
    type: 'integer',
    description:
      'Estimated wait in seconds in the queue the caller waits in or, before Transfer to queue, in the working queue (as the last in line); 0 without either.',
  },
  {
    name: '$routingPriority',
    type: 'integer',
    description: "The contact's routing priority, 0 to 100 (0 until Set routing priority changes it).",
  },
  { name: '$callbackNumber', type: 'string', description: 'The number a callback will dial, once set.' },
  { name: '$httpStatus', type: 'integer', description: 'Status code of the last HTTP request.' },
  { name: '$agentName', type: 'string', description: 'The agent the contact is offered to (whisper flows).' },
  { name: '$now', type: 'dateTime', description: 'The current time, ISO 8601.' },
];

const byName = new Map(SYSTEM_VARIABLES.map((v) => [v.name, v]));

export function systemVariable(name: string): SystemVariable | undefined {
  return byName.get(name);
}

export function isSystemVariableName(name: string): boolean {
  return name.startsWith('$');
}
