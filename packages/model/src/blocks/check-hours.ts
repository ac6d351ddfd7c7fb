import { defineBlock, outcome } from '../block-definition.js';
import { ref } from '../schema/defs.js';
import { CALLER_FLOWS, refIf } from './common.js';

export interface CheckHoursSettings {
  /** Hours from resources; absent means the working queue's hours. */
  hours?: string;
}

export const checkHours = defineBlock<CheckHoursSettings>({
  type: 'checkHours',
  title: 'Check hours of operation',
  group: 'logic',
  icon: '◷',
  description: 'Branches on whether the contact center is open now.',
  docs: "Checks the named hours of operation in priority order: overrides first, then holidays, then the weekly working hours; outside all of them the center is closed. Times are read in the hours' own time zone.",
  flowTypes: CALLER_FLOWS,
  settingsSchema: {
    type: 'object',
    properties: {
      hours: {
        ...ref('resourceName'),
        description:
          "Name of the hours of operation in resources (overrides, then holidays, then weekly hours, in the hours' own time zone). Absent: the working queue's hours.",
      },
    },
    additionalProperties: false,
  },
  outcomeNames: ['inHours', 'outOfHours', 'error'],
  outcomes: () => [
    outcome('inHours', 'In hours'),
    outcome('outOfHours', 'Out of hours'),
    outcome('error', 'Error'),
  ],
  terminal: false,
  waits: () => false,
  defaults: () => ({ hours: 'business' }),
  summary: (s) => s.hours ?? "working queue's hours",
  references: (s) => refIf('hours', s.hours, '/hours'),
  form: [{ key: 'hours', label: 'Hours of operation', widget: 'hours' }],
});
