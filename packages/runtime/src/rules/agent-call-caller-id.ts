import { type Flow, ownEntry, type Resources } from '@callflow/model';
import { type CallerIdDecision, resolveCallerId } from './caller-id.js';
import { foreseeOutboundWhisper } from './outbound-whisper-forecast.js';

export interface AgentCallPreview {
  resources: Resources;
  agent: string;
  /** E.164 to call. */
  dialedNumber: string;
  /** The queue of the agent's current contact; absent: the agent's default outbound queue (as the engine). */
  queue?: string;
  activeCall: boolean;
  agentChoice?: string;
  /** The call is placed through the queue's outbound whisper (an outbound call, a callback; not a transfer). */
  throughWhisper: boolean;
  /** The live version of a flow by id: the queue's outbound whisper flow is read through it. */
  liveFlow: (id: string) => Flow | undefined;
}

/**
 * The caller ID an agent's call will be dialled with, told before the call is dialled (the desktop's
 * preview, the placement answer): the same `resolveCallerId` the engine applies after the outbound
 * whisper, fed with what the whisper is foreseen to set (docs/caller-id.md "Outbound whisper").
 */
export function previewAgentCallCallerId(p: AgentCallPreview): CallerIdDecision {
  const queue = p.queue ?? ownEntry(p.resources.agents, p.agent)?.defaultOutboundQueue;
  const whisperId =
    p.throughWhisper && queue !== undefined
      ? ownEntry(p.resources.queues, queue)?.outboundWhisperFlow
      : undefined;
  const whisperFlow = whisperId !== undefined ? p.liveFlow(whisperId) : undefined;
  const whisper = whisperFlow ? foreseeOutboundWhisper(whisperFlow) : { kind: 'none' as const };
  const decision = resolveCallerId({
    purpose: 'agentOutbound',
    resources: p.resources,
    dialedNumber: p.dialedNumber,
    agent: p.agent,
    activeCall: p.activeCall,
    ...(queue !== undefined ? { queue } : {}),
    ...(p.agentChoice !== undefined ? { agentChoice: p.agentChoice } : {}),
    ...(whisper.kind === 'sets'
      ? { outboundWhisperOverride: whisper.number, outboundWhisperFlow: whisper.flow }
      : {}),
    ...(whisper.kind === 'mayOverride'
      ? { outboundWhisperMayOverride: { flow: whisper.flow, block: whisper.block } }
      : {}),
  });
  // The engine dials with the block's caller-ID name when it sets one (engine/callback.ts).
  if (whisper.kind === 'sets' && decision.rule === 'outboundWhisper' && whisper.name !== undefined)
    return { ...decision, name: whisper.name };
  return decision;
}

export interface ConsultCallerIdParams {
  resources: Resources;
  /** The consulting agent. */
  agent: string;
  /** E.164 of the consulted number. */
  dialedNumber: string;
  /** The queue of the call the agent consults from. */
  queue?: string;
  callerNumber?: string;
  agentChoice?: string;
  variables?: (name: string) => unknown;
  random?: () => number;
}

/**
 * The caller ID of a consult leg to a number: an agent's call during an active call (no outbound
 * whisper plays on a consult). The engine dials the leg with it and the desktop's preview tells it.
 */
export function consultCallerId(p: ConsultCallerIdParams): CallerIdDecision {
  return resolveCallerId({
    purpose: 'consult',
    resources: p.resources,
    dialedNumber: p.dialedNumber,
    agent: p.agent,
    activeCall: true,
    ...(p.queue !== undefined ? { queue: p.queue } : {}),
    ...(p.callerNumber !== undefined ? { callerNumber: p.callerNumber } : {}),
    ...(p.agentChoice !== undefined ? { agentChoice: p.agentChoice } : {}),
    ...(p.variables ? { variables: p.variables } : {}),
    ...(p.random ? { random: p.random } : {}),
  });
}
