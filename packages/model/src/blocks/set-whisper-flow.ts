import { defineBlock, outcome } from '../block-definition.js';
import type { FlowType } from '../flow.js';
import { ref } from '../schema/defs.js';
import { CALLER_FLOWS, refIf } from './common.js';

export type WhisperKind = 'agent' | 'customer' | 'outbound';

export const WHISPER_FLOW_TYPE: Record<WhisperKind, FlowType> = {
  agent: 'agent-whisper',
  customer: 'customer-whisper',
  outbound: 'outbound-whisper',
};

export interface SetWhisperFlowSettings {
  kind: WhisperKind;
  flow: string;
}

export const setWhisperFlow = defineBlock<SetWhisperFlowSettings>({
  type: 'setWhisperFlow',
  title: 'Set whisper flow',
  group: 'transfer',
  icon: '❝',
  description: 'Overrides the whisper played to the agent, the customer, or on outbound calls.',
  docs: "Sets the agent whisper (played to the agent before connecting), the customer whisper (played to the customer just before connecting) or the outbound whisper (runs when an agent places an outbound or callback call) for the rest of the contact, overriding the queue's default. The flow must be of the matching type.",
  flowTypes: CALLER_FLOWS,
  settingsSchema: {
    type: 'object',
    properties: {
      kind: {
        description:
          'Which whisper is set: `agent` (played to the agent before connecting), `customer` (played to the customer before connecting) or `outbound` (runs when an agent places an outbound or callback call).',
        enum: ['agent', 'customer', 'outbound'],
      },
      flow: { ...ref('flowId'), description: 'Id of the whisper flow; its type must match `kind`.' },
    },
    required: ['kind', 'flow'],
    additionalProperties: false,
  },
  outcomeNames: ['success', 'error'],
  outcomes: () => [outcome('success', 'Success'), outcome('error', 'Error')],
  terminal: false,
  waits: () => false,
  defaults: () => ({ kind: 'agent', flow: 'agent-whisper' }),
  summary: (s) => `${s.kind ?? ''}: ${s.flow ?? ''}`,
  references: (s) => {
    const type = WHISPER_FLOW_TYPE[s.kind as WhisperKind];
    return refIf(
      'flow',
      s.flow,
      '/flow',
      type ? [type] : ['agent-whisper', 'customer-whisper', 'outbound-whisper'],
    );
  },
  form: [
    { key: 'kind', label: 'Whisper', widget: 'select' },
    {
      key: 'flow',
      label: 'Flow',
      widget: 'flow',
      flowTypes: ['agent-whisper', 'customer-whisper', 'outbound-whisper'],
    },
  ],
});
