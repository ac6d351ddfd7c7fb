/**
 * "Which number will the called party see, and why?" — the caller-ID field asks the runtime's own rules
 * about the situations the flow really creates, so the designer never explains differently than the
 * runtime behaves. A transfer gets one answer per situation the paths into it create
 * (`transferCallerIdPreview`); an outbound whisper's Call phone number block gets one example call.
 */
import type { Flow, Resources } from '@callflow/model';
import {
  type CallerIdDecision,
  type CallerIdSituation,
  type PreviewAnswer,
  resolveCallerId,
  transferCallerIdPreview,
} from '@callflow/runtime';

export const EXAMPLE_CALLER = '+12025550199';
export const EXAMPLE_DIALLED = '+12025550143';

export type CallerIdPreview =
  /** A flow's transfer: one answer per distinct situation on the paths into the block. */
  | { kind: 'paths'; answers: PreviewAnswer[] }
  /** An outbound whisper's override: one example call. */
  | { kind: 'example'; decision: CallerIdDecision; example: string };

export function callerIdPreview(
  blockId: string,
  settings: Record<string, unknown>,
  flow: Flow,
  resources: Resources,
): CallerIdPreview {
  const block = flow.blocks[blockId];
  // The form's settings may be a step ahead of the stored flow: preview what is on screen.
  const shown: Flow = block
    ? { ...flow, blocks: { ...flow.blocks, [blockId]: { ...block, settings } } }
    : flow;
  if (block?.type === 'callPhoneNumber') return whisperPreview(settings, shown, resources);
  return {
    kind: 'paths',
    answers: guarded(() =>
      transferCallerIdPreview(shown, blockId, resources, {
        callerNumber: EXAMPLE_CALLER,
        dialedNumber: EXAMPLE_DIALLED,
      }),
    ),
  };
}

function guarded(preview: () => PreviewAnswer[]): PreviewAnswer[] {
  try {
    return preview();
  } catch (error) {
    // A draft can hold anything; say so instead of breaking the form.
    return [{ decision: cannotTell(error), situations: [] }];
  }
}

function cannotTell(error: unknown): CallerIdDecision {
  return {
    rule: 'none',
    reason: `the caller ID cannot be worked out yet: ${(error as Error).message}`,
    rejected: [],
  };
}

/** An agent's call through a queue that runs this outbound whisper flow; the block's number overrides. */
function whisperPreview(
  settings: Record<string, unknown>,
  flow: Flow,
  resources: Resources,
): CallerIdPreview {
  const variables = (name: string) => flow.variables?.[name]?.default;
  const queue = Object.entries(resources.queues).find(([, q]) => q.outboundWhisperFlow === flow.id)?.[0];
  const situation: CallerIdSituation = {
    purpose: 'agentOutbound',
    resources,
    dialedNumber: EXAMPLE_DIALLED,
    activeCall: false,
    variables,
    random: () => 0,
    ...(queue !== undefined ? { queue } : {}),
  };
  const setting = settings.callerId as CallerIdSituation['setting'];
  const override =
    setting?.strategy === 'fixed'
      ? setting.number
      : setting?.strategy === 'variable'
        ? variables(setting.variable ?? '')
        : undefined;
  if (typeof override === 'string' && override !== '') situation.outboundWhisperOverride = override;
  let decision: CallerIdDecision;
  try {
    decision = resolveCallerId(situation);
  } catch (error) {
    decision = cannotTell(error);
  }
  const through = queue !== undefined ? ` through queue "${queue}"` : '';
  return { kind: 'example', decision, example: `an agent's call${through} to ${EXAMPLE_DIALLED}` };
}
