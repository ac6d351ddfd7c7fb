import type { Resources } from '@callflow/model';
import {
  type CallerIdDecision,
  consultCallerId,
  isContactOver,
  previewAgentCallCallerId,
} from '@callflow/runtime';
import { apiError } from '../http/api-error.js';
import type { ContactHost } from '../runtime-host/contact-host.js';
import type { PublishedVersions } from '../store/published-versions.js';

/** The kinds of call an agent places, as the caller-ID preview names them (docs/api.md). */
export type AgentCallPurpose = 'outbound' | 'callback' | 'transfer' | 'consult';

export interface AgentCallerIdAsk {
  agent: string;
  /** E.164 to call (already checked by the dial-number rules). */
  number: string;
  agentChoice?: string;
  /** Absent: a transfer during a call, else an outbound call. */
  purpose?: AgentCallPurpose;
}

/**
 * The caller ID a call the agent places will be dialled with, told before anything is placed: each
 * purpose goes through the same decision as the placement it foresees, so the answer equals the
 * placement answer's `callerId` field by field.
 * - `outbound` and `callback`: the agent's own call (POST callbacks, pending-callback/place), placed
 *   after the call the agent is on ends, through the outbound whisper of the agent's default outbound
 *   queue; the engine decides it without an active call (engine/callback.ts).
 * - `transfer`: a transfer to a number of the connected call, shown as the call's queue (no whisper).
 * - `consult`: a consult leg to a number during the call (rules/agent-call-caller-id.ts).
 */
export function previewAgentCallerId(
  host: ContactHost,
  resources: Resources,
  published: PublishedVersions,
  ask: AgentCallerIdAsk,
): CallerIdDecision {
  const contactId = host.acd.agents.get(ask.agent)?.contactId;
  const s = contactId ? host.snapshot(contactId) : undefined;
  const onCall = s !== undefined && !isContactOver(s);
  const purpose = ask.purpose ?? (onCall ? 'transfer' : 'outbound');
  const choice = ask.agentChoice !== undefined ? { agentChoice: ask.agentChoice } : {};
  if (purpose === 'outbound' || purpose === 'callback') {
    const decision = previewAgentCallCallerId({
      resources,
      agent: ask.agent,
      dialedNumber: ask.number,
      activeCall: false,
      throughWhisper: true,
      ...choice,
      liveFlow: (id) => published.live(id)?.flow,
    });
    return decision;
  }
  if (!s || !onCall) {
    const state = host.acd.agents.get(ask.agent)?.state ?? 'Offline';
    throw apiError(
      'no_connected_call',
      `${ask.agent} is not on a call: a ${purpose} needs one (state ${state}).`,
      { name: ask.agent, state, purpose },
    );
  }
  // An agent's own callback has no queue until it goes on as a call: its request's queue stands in.
  const queue = s.queue?.name ?? s.callback?.request.queue;
  const withQueue = queue ? { queue } : {};
  if (purpose === 'consult') {
    const decision = consultCallerId({
      resources,
      agent: ask.agent,
      dialedNumber: ask.number,
      ...withQueue,
      ...(s.callerNumber ? { callerNumber: s.callerNumber } : {}),
      ...choice,
    });
    return decision;
  }
  const decision = previewAgentCallCallerId({
    resources,
    agent: ask.agent,
    dialedNumber: ask.number,
    activeCall: true,
    throughWhisper: false,
    ...withQueue,
    ...choice,
    liveFlow: (id) => published.live(id)?.flow,
  });
  return decision;
}
