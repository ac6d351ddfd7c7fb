import { accountDialOptions, checkDialNumber, dialString, ownEntry } from '@callflow/model';
import type { ContactEvent } from '../types.js';
import type { ContactRun } from './run.js';

/** Keys a customer may give for a callback number: at most 18 digits, ended by # (docs/domain.md#dial-numbers). */
const MAX_KEYS = 18;
/** How long the customer has to key the number once asked. */
const ENTRY_SECONDS = 30;
/** What the customer hears when the admin chose no prompt (`account.callbackPrompt`). */
const DEFAULT_PROMPT = 'Please enter the number we should call you back on, followed by the hash key.';

/**
 * Agent-initiated callback (Avaya, docs/domain.md#callbacks): during a connected call the agent has the
 * customer prompted for the number to call back. The customer hears the admin's prompt and keys the
 * number; the keys go to the engine only (the agent hears nothing of them). The entry is checked with
 * the dial-number rules and handed to the host (`callbackEntry`), which fills the agent's pending
 * callback; the call stays connected. Asking again starts over.
 */
export function onPromptCallback(
  run: ContactRun,
  event: Extract<ContactEvent, { type: 'agentPromptCallback' }>,
): true | string {
  const agent = connectedAgent(run);
  if (run.s.status !== 'connected' || agent !== event.agent)
    return `agent ${event.agent} is not connected to this contact`;
  run.trace.begin({
    event: event.type,
    note: `agent ${event.agent} has the customer prompted for a callback number`,
  });
  run.commands.cancelTimer(run.s.callbackPrompt?.timerId);
  const name = run.env.resources.account.callbackPrompt;
  const prompt = (name !== undefined ? ownEntry(run.env.resources.prompts, name) : undefined) ?? {
    text: DEFAULT_PROMPT,
  };
  run.commands.emit({
    type: 'play',
    to: 'caller',
    prompt: { text: prompt.text, ...(prompt.audioUrl ? { audioUrl: prompt.audioUrl } : {}) },
  });
  const ref = run.commands.emit({ type: 'collectDigits', maxDigits: MAX_KEYS, terminator: '#' });
  const timerId = run.commands.startTimer(ENTRY_SECONDS, 'callbackPromptTimeout');
  run.s.callbackPrompt = { agent: event.agent, ref, buffer: '', timerId };
  return true;
}

/** Keys or the entry timer while the customer is being prompted; false when no prompt is running. */
export function onCallbackPromptEvent(run: ContactRun, event: ContactEvent): boolean {
  const prompt = run.s.callbackPrompt;
  if (!prompt) return false;
  if (event.type === 'timer' && event.timerId === prompt.timerId) {
    run.trace.begin({ event: 'timer', note: 'the customer keyed no callback number in time' });
    finish(run, prompt.buffer);
    return true;
  }
  if (event.type === 'promptDone') {
    // The prompt finished; the keys may come now (and could come during it).
    return false;
  }
  if (event.type !== 'digits') return false;
  const typed = prompt.buffer + event.digits;
  const end = typed.indexOf('#');
  // The keys are the customer's: the trace says how many, not which, until the entry is complete.
  run.trace.begin({ event: 'digits', note: 'the customer keys a callback number' });
  if (end >= 0 || typed.length >= MAX_KEYS) {
    finish(run, end >= 0 ? typed.slice(0, end) : typed.slice(0, MAX_KEYS));
    return true;
  }
  run.s.callbackPrompt = { ...prompt, buffer: typed };
  return true;
}

function finish(run: ContactRun, keys: string): void {
  const prompt = run.s.callbackPrompt;
  if (!prompt) return;
  run.commands.cancelTimer(prompt.timerId);
  delete run.s.callbackPrompt;
  if (keys === '') {
    run.commands.emit({
      type: 'callbackEntry',
      agent: prompt.agent,
      result: 'timeout',
      reason: 'the customer keyed nothing',
    });
    return;
  }
  const check = checkDialNumber(keys, accountDialOptions(run.env.resources.account));
  if (!check.ok) {
    run.trace.note(`the number keyed is refused: ${check.message}`);
    run.commands.emit({
      type: 'callbackEntry',
      agent: prompt.agent,
      result: 'invalid',
      number: keys,
      reason: check.message,
    });
    return;
  }
  const number = dialString(check);
  run.trace.note(`the customer keyed ${number} for agent ${prompt.agent}'s callback`);
  run.commands.emit({ type: 'callbackEntry', agent: prompt.agent, result: 'entered', number });
}

/** The agent on a connected call: the queue's agent, or the callback's. */
function connectedAgent(run: ContactRun): string | undefined {
  return run.s.queue?.agent ?? run.s.callback?.agent ?? (run.s.system.agentName as string | undefined);
}
