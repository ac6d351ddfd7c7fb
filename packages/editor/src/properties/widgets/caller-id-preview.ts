/**
 * "Which number will the customer see, and why?" — the caller-ID field asks the runtime's own rules
 * (`resolveCallerId`) about an example call, so the editor never explains differently than it behaves.
 */
import { checkDialNumber, type Flow, type Resources } from '@callflow/model';
import { type CallerIdDecision, type CallerIdSituation, resolveCallerId } from '@callflow/runtime';

export const EXAMPLE_CALLER = '+12025550199';
export const EXAMPLE_DIALLED = '+12025550143';

export interface CallerIdPreview {
  decision: CallerIdDecision;
  /** The example the decision is about, in words. */
  example: string;
}

export function callerIdPreview(
  blockType: string,
  settings: Record<string, unknown>,
  flow: Flow,
  resources: Resources,
): CallerIdPreview {
  const variables = (name: string) => flow.variables?.[name]?.default;
  const to = settings.to as { value?: unknown } | undefined;
  const typed =
    typeof to?.value === 'string'
      ? checkDialNumber(to.value, { defaultRegion: resources.account.defaultRegion })
      : undefined;
  const dialedNumber = typed?.ok ? typed.e164 : EXAMPLE_DIALLED;
  const queue = workingQueue(flow) ?? Object.keys(resources.queues)[0];
  const agent = Object.keys(resources.agents)[0];
  const situation: CallerIdSituation = {
    purpose:
      blockType === 'callPhoneNumber'
        ? 'agentOutbound'
        : blockType === 'createCallback'
          ? 'callback'
          : 'transfer',
    resources,
    callerNumber: EXAMPLE_CALLER,
    dialedNumber,
    activeCall: blockType !== 'callPhoneNumber',
    variables,
    random: () => 0,
  };
  if (queue !== undefined) situation.queue = queue;
  if (agent !== undefined) situation.agent = agent;
  const setting = settings.callerId as CallerIdSituation['setting'];
  if (blockType === 'callPhoneNumber') {
    // In an outbound whisper flow the block overrides the queue's caller ID (DOMAIN.md §1).
    const override =
      setting?.strategy === 'fixed'
        ? setting.number
        : setting?.strategy === 'variable'
          ? variables(setting.variable ?? '')
          : undefined;
    if (typeof override === 'string' && override !== '') situation.outboundWhisperOverride = override;
  } else if (setting) {
    situation.setting = setting;
  }
  let decision: CallerIdDecision;
  try {
    decision = resolveCallerId(situation);
  } catch (error) {
    decision = {
      rule: 'none',
      reason: `the caller ID cannot be worked out yet: ${(error as Error).message}`,
      rejected: [],
    };
  }
  const parts = [`a call from ${EXAMPLE_CALLER}`];
  if (queue) parts.push(`through queue "${queue}"`);
  if (agent && blockType === 'callPhoneNumber') parts.push(`placed by agent "${agent}"`);
  parts.push(`dialling ${dialedNumber}`);
  return { decision, example: parts.join(' ') };
}

/** The queue the flow sets first (its working queue), if any. */
function workingQueue(flow: Flow): string | undefined {
  for (const block of Object.values(flow.blocks)) {
    if (block.type === 'setWorkingQueue' && typeof block.settings.queue === 'string')
      return block.settings.queue;
  }
  return undefined;
}
