import type { CallerIdSetting, Resources } from '@callflow/model';
import type { CallerIdSituation } from './caller-id.js';

/** What a flow's Transfer to phone number knows when it chooses the caller ID. */
export interface TransferCallerIdInput {
  setting?: CallerIdSetting;
  resources: Resources;
  callerNumber?: string;
  dialedNumber: string;
  /** The queue the caller waits in, else the working queue; absent when neither is set. */
  queue?: string;
  variables?: (name: string) => unknown;
  random?: () => number;
}

/**
 * The caller-ID situation of a flow's transfer. The block and the designer's preview both build it
 * here, so the preview cannot ask about a situation the runtime never meets: a flow's transfer is placed
 * by no agent (agent strategies find none) and is not an agent's call during an active call.
 */
export function transferCallerIdSituation(input: TransferCallerIdInput): CallerIdSituation {
  return {
    purpose: 'transfer',
    ...(input.setting ? { setting: input.setting } : {}),
    resources: input.resources,
    ...(input.callerNumber ? { callerNumber: input.callerNumber } : {}),
    dialedNumber: input.dialedNumber,
    ...(input.queue ? { queue: input.queue } : {}),
    activeCall: false,
    ...(input.variables ? { variables: input.variables } : {}),
    ...(input.random ? { random: input.random } : {}),
  };
}
