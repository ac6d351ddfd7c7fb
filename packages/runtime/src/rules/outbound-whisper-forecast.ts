import type { Flow } from '@callflow/model';
import { evaluateCondition } from './conditions.js';

/**
 * What an outbound whisper flow will do to the caller ID of the call it precedes, foreseen before it
 * runs so that the agent's preview and the placement answer say what will really be dialled
 * (docs/caller-id.md "Outbound whisper"):
 * - `none`: no Call phone number block is reached; the caller-ID rules decide alone;
 * - `sets`: a fixed Call phone number block is reached on every run; it overrides the rules;
 * - `mayOverride`: a Call phone number block may be reached but what it sets is only known when the
 *   whisper runs (a variable, or a block whose outcome cannot be foreseen comes first).
 */
export type WhisperForecast =
  | { kind: 'none' }
  | { kind: 'sets'; flow: string; block: string; number: string; name?: string }
  | { kind: 'mayOverride'; flow: string; block: string };

/** Blocks that only speak to the agent: they never change the caller ID and always go on by `success`. */
const PASSIVE = new Set(['playPrompt', 'logToTrace']);
const ENDS = new Set(['endFlow', 'return', 'disconnect']);

/**
 * Walks the whisper from its start with the variables known before the call (the flow's declared
 * defaults: an agent's call has no other contact data yet). Reading any other variable, or meeting a
 * block that is neither passive nor a Check variable, makes the outcome unknowable.
 */
export function foreseeOutboundWhisper(flow: Flow): WhisperForecast {
  let set: Extract<WhisperForecast, { kind: 'sets' }> | undefined;
  const unknowable = (): WhisperForecast => {
    const block = firstCallPhoneNumber(flow);
    return block ? { kind: 'mayOverride', flow: flow.id, block } : { kind: 'none' };
  };
  const seen = new Set<string>();
  let id: string | undefined = flow.start;
  while (id !== undefined) {
    const block: Flow['blocks'][string] | undefined = flow.blocks[id];
    if (!block || seen.has(id)) return unknowable();
    seen.add(id);
    if (ENDS.has(block.type)) break;
    if (PASSIVE.has(block.type)) {
      id = block.next?.success;
    } else if (block.type === 'checkVariable') {
      const outcome = checkVariableOutcome(flow, block.settings);
      if (outcome === undefined) return unknowable();
      id = block.next?.[outcome];
    } else if (block.type === 'callPhoneNumber') {
      const callerId = block.settings.callerId as { strategy?: string; number?: string } | undefined;
      if (callerId?.strategy !== 'fixed' || !callerId.number)
        return { kind: 'mayOverride', flow: flow.id, block: id };
      const name = block.settings.callerIdName;
      set = {
        kind: 'sets',
        flow: flow.id,
        block: id,
        number: callerId.number,
        ...(typeof name === 'string' && name !== '' ? { name } : {}),
      };
      id = block.next?.success;
    } else {
      return unknowable();
    }
  }
  return set ?? { kind: 'none' };
}

/** The outcome the block gives with the flow's defaults; undefined when it reads anything else. */
function checkVariableOutcome(flow: Flow, settings: Record<string, unknown>): string | undefined {
  let unknown = false;
  const lookup = (name: string): unknown => {
    const declared = flow.variables?.[name];
    if (!declared) unknown = true;
    return declared?.default;
  };
  const rules = (settings.rules ?? []) as { outcome?: unknown; when?: unknown }[];
  for (const rule of rules) {
    const holds = typeof rule.outcome === 'string' && evaluateCondition(rule.when, lookup);
    if (unknown) return undefined;
    if (holds) return rule.outcome as string;
  }
  return 'noMatch';
}

function firstCallPhoneNumber(flow: Flow): string | undefined {
  return Object.keys(flow.blocks).find((id) => flow.blocks[id]?.type === 'callPhoneNumber');
}
