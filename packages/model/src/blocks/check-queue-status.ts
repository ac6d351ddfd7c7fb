import { defineBlock, outcome } from '../block-definition.js';
import type { VariableType } from '../flow.js';
import { ref } from '../schema/defs.js';
import { type CheckRule, checkRulesSchema, ruleNames, ruleOutcomes } from './check-rules.js';
import { ALL_FLOWS, arr, conditionRefs, obj, refIf } from './common.js';

/**
 * The queue figures a Check queue status rule can compare, by the name its conditions use. They are
 * read when the block runs, for the named queue or else the working queue.
 */
export const QUEUE_STATUS_FIGURES: Readonly<Record<string, { type: VariableType; description: string }>> = {
  agentsOnline: { type: 'integer', description: "agents of the queue's group in any state but Offline" },
  agentsStaffed: {
    type: 'integer',
    description: "agents of the queue's group Available, Busy or in wrap-up (online and working)",
  },
  agentsAvailable: {
    type: 'integer',
    description: "agents of the queue's group Available with no offer or contact",
  },
  contactsInQueue: { type: 'integer', description: 'contacts waiting in the queue (calls and callbacks)' },
  oldestContactAgeSeconds: {
    type: 'integer',
    description: 'seconds the longest-waiting contact has waited; 0 when none waits',
  },
  estimatedWaitSeconds: {
    type: 'integer',
    description: 'the wait a contact joining the queue now would have',
  },
};

export function isQueueStatusFigure(name: string): boolean {
  return Object.hasOwn(QUEUE_STATUS_FIGURES, name);
}

/** The type of a figure, or else of a flow or system variable (for the condition type check). */
export function queueStatusVariableType(
  variableType: (name: string) => VariableType | undefined,
): (name: string) => VariableType | undefined {
  return (name) => (isQueueStatusFigure(name) ? QUEUE_STATUS_FIGURES[name]!.type : variableType(name));
}

export interface CheckQueueStatusSettings {
  /** A queue from resources; absent: the working queue. */
  queue?: string;
  rules: CheckRule[];
}

export const checkQueueStatus = defineBlock<CheckQueueStatusSettings>({
  type: 'checkQueueStatus',
  title: 'Check queue status',
  group: 'queue',
  icon: '◔',
  description: "Branches on a queue's staffing and load (agents online, available, contacts waiting).",
  docs: `Reads the figures of \`queue\` (or, without it, of the working queue) once, then evaluates the rules in order as Check variable does: the first rule whose condition holds gives the outcome; none: \`noMatch\`. A condition names a figure where it would name a variable: ${Object.entries(
    QUEUE_STATUS_FIGURES,
  )
    .map(([name, f]) => `\`${name}\` (${f.description})`)
    .join(
      ', ',
    )}. Figures are integers; values may be literals or flow variables (\`{ "variable": "maxWait" }\`). Without a queue (no \`queue\` and no working queue) the block takes \`error\`. The trace notes the figures read.`,
  flowTypes: ALL_FLOWS,
  settingsSchema: {
    type: 'object',
    properties: {
      queue: {
        ...ref('resourceName'),
        description: 'Queue whose figures are read (name in resources); absent: the working queue.',
      },
      rules: checkRulesSchema(
        'Condition over the queue figures (agentsOnline, agentsStaffed, agentsAvailable, contactsInQueue, oldestContactAgeSeconds, estimatedWaitSeconds) and variables: `{ variable, operator, value }`, or `all` / `any` / `not` of conditions.',
      ),
    },
    required: ['rules'],
    additionalProperties: false,
  },
  outcomeNames: ['<rule outcome>', 'noMatch', 'error'],
  outcomes: (s) => [...ruleOutcomes(s.rules), outcome('noMatch', 'No match'), outcome('error', 'Error')],
  terminal: false,
  waits: () => false,
  defaults: () => ({
    rules: [
      {
        outcome: 'noAgents',
        label: 'No agents staffed',
        when: { variable: 'agentsStaffed', operator: 'equals', value: { value: 0 } },
      },
    ],
  }),
  summary: (s) => `${typeof s.queue === 'string' ? s.queue : 'working queue'}: ${ruleNames(s.rules)}`,
  // Figures are not variables: only the flow and system variables a condition names are references.
  references: (s) => [
    ...refIf('queue', s.queue, '/queue'),
    ...arr(s.rules).flatMap((r, i) =>
      conditionRefs(obj(r)?.when, `/rules/${i}/when`).filter(
        (reference) => !(reference.kind === 'variable' && isQueueStatusFigure(reference.name)),
      ),
    ),
  ],
  form: [
    { key: 'queue', label: 'Queue (empty: the working queue)', widget: 'queue' },
    { key: 'rules', label: 'Rules', widget: 'conditions' },
  ],
});
