import { defineBlock, outcome } from '../block-definition.js';

export interface SetRoutingPrioritySettings {
  /** The contact's priority from now on (0 to 100; every contact starts at 0). */
  priority?: number;
  /** Added to the contact's priority (negative lowers it); the result is kept within 0 to 100. */
  raiseBy?: number;
  /** Seconds of queue time credited to the contact, as if it had waited that much longer. */
  addQueueSeconds?: number;
}

export const ROUTING_PRIORITY_MAX = 100;

export const setRoutingPriority = defineBlock<SetRoutingPrioritySettings>({
  type: 'setRoutingPriority',
  title: 'Set routing priority',
  group: 'queue',
  icon: '⇡',
  description: "Sets or changes the contact's routing priority and credits it queue time.",
  docs: "Every contact starts at priority 0 with no credit. `priority` sets it (0 to 100) or `raiseBy` changes it (kept within 0 to 100); `addQueueSeconds` credits queue time, added to what earlier blocks credited. When an agent becomes free, the ACD offers the waiting contact of highest priority across every queue the agent serves, and among equal priorities the one that has waited longest counting its credit (a contact credited 120 s that joined a minute after another goes first). Set before Transfer to queue it applies when the contact joins; in a customer-queue flow it re-orders the waiting contact at once. `$routingPriority` reads the priority; the agent's popover shows the priority and the time in queue with the credit.",
  flowTypes: ['inbound', 'customer-queue', 'module'],
  settingsSchema: {
    type: 'object',
    properties: {
      priority: {
        description:
          "The contact's priority from now on, 0 to 100 (higher is offered first; contacts start at 0).",
        type: 'integer',
        minimum: 0,
        maximum: ROUTING_PRIORITY_MAX,
      },
      raiseBy: {
        description:
          'Added to the current priority, -100 to 100 (negative lowers it); the result is kept within 0 to 100. Not with `priority`.',
        type: 'integer',
        minimum: -ROUTING_PRIORITY_MAX,
        maximum: ROUTING_PRIORITY_MAX,
      },
      addQueueSeconds: {
        description:
          'Seconds of queue time credited to the contact (0 to 86400): it is ordered as if it had waited that much longer. Credits add up.',
        type: 'integer',
        minimum: 0,
        maximum: 86400,
      },
    },
    anyOf: [{ required: ['priority'] }, { required: ['raiseBy'] }, { required: ['addQueueSeconds'] }],
    not: { required: ['priority', 'raiseBy'] },
    additionalProperties: false,
  },
  outcomeNames: ['success'],
  outcomes: () => [outcome('success', 'Success')],
  terminal: false,
  waits: () => false,
  defaults: () => ({ priority: 10 }),
  summary: (s) =>
    [
      typeof s.priority === 'number' ? `priority ${s.priority}` : '',
      typeof s.raiseBy === 'number' ? `priority ${s.raiseBy >= 0 ? '+' : ''}${s.raiseBy}` : '',
      typeof s.addQueueSeconds === 'number' ? `+${s.addQueueSeconds} s in queue` : '',
    ]
      .filter(Boolean)
      .join(', '),
  references: () => [],
  form: [
    { key: 'priority', label: 'Priority (0-100)', widget: 'integer' },
    { key: 'raiseBy', label: 'Or raise by', widget: 'integer' },
    { key: 'addQueueSeconds', label: 'Queue time credit', widget: 'seconds' },
  ],
});
