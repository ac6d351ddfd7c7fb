import { ownEntry, type VoicemailSettings } from '@callflow/model';
import type { CallbackRequest, Wait } from '../types.js';
import { type BlockContext, type BlockStep, defineBehaviour } from './behaviour.js';
import { adapterFailure, isPromptDone, isTimer, num, promptName } from './common.js';

type Ctx = BlockContext<VoicemailSettings>;

/** Beyond the longest message and its silence, a recording the provider never reported is an error. */
const REPORT_GRACE_SECONDS = 30;

/**
 * Plays the prompt, records the caller (`recordMessage`), and turns a message into a callback request
 * that carries the recording (`createCallback`, engine/callback.ts), offered to an agent like any other.
 */
export const voicemail = defineBehaviour<VoicemailSettings>({
  type: 'voicemail',
  enter(ctx) {
    const target = callbackTarget(ctx);
    if (typeof target === 'string') return { outcome: 'error', note: target };
    if (ctx.settings.prompt === undefined) return record(ctx);
    const prompt = ctx.prompt(ctx.settings.prompt);
    if (!prompt) return { outcome: 'error', note: `${promptName(ctx.settings.prompt)} is not in resources` };
    return { wait: { ref: ctx.play(prompt), phase: 'prompt' } };
  },
  resume(ctx, wait, event) {
    if (wait.phase === 'prompt' && isPromptDone(wait, event)) return record(ctx);
    if (event.type === 'messageRecorded' && event.ref === wait.ref) {
      ctx.cancelTimer(wait.timerId);
      if (event.result === 'empty' || !event.recordingUrl)
        return { outcome: 'noMessage', note: 'the caller left no message' };
      return queueCallback(ctx, event.recordingUrl, Math.max(0, Math.round(num(event.durationSeconds, 0))));
    }
    if (isTimer(wait, event)) return { outcome: 'error', note: 'the recording was never reported' };
    const failed = adapterFailure(wait, event);
    if (failed) ctx.cancelTimer(wait.timerId);
    return failed;
  },
});

function record(ctx: Ctx): BlockStep {
  const s = ctx.settings;
  const maxLengthSeconds = num(s.maxLengthSeconds, 120);
  const silenceTimeoutSeconds = num(s.silenceTimeoutSeconds, 5);
  const ref = ctx.emit({
    type: 'recordMessage',
    maxLengthSeconds,
    finishKey: s.finishKey ?? '#',
    silenceTimeoutSeconds,
  });
  const timerId = ctx.startTimer(
    maxLengthSeconds + silenceTimeoutSeconds + REPORT_GRACE_SECONDS,
    'voicemailReport',
  );
  const wait: Wait = { ref, timerId, phase: 'record' };
  return { wait };
}

/** The queue and number the callback goes to, or why there is none. */
function callbackTarget(ctx: Ctx): { queue: string; number: string } | string {
  const queue = ctx.settings.queue ?? (ctx.contact.system.queueName as string | undefined);
  if (!queue) return 'no queue named and no working queue set';
  if (!ownEntry(ctx.env.resources.queues, queue)) return `queue "${queue}" is not in resources`;
  const set = ctx.contact.system.callbackNumber;
  const number = typeof set === 'string' && set !== '' ? set : ctx.contact.callerNumber;
  if (!number) return 'no callback number set and the caller withheld their number';
  return { queue, number };
}

function queueCallback(ctx: Ctx, recordingUrl: string, durationSeconds: number): BlockStep {
  const target = callbackTarget(ctx);
  if (typeof target === 'string') return { outcome: 'error', note: target };
  const c = ctx.contact;
  const queued = ownEntry(ctx.env.resources.queues, target.queue)?.callback;
  const request: CallbackRequest = {
    id: `${c.contactId}-voicemail-${c.seq + 1}`,
    number: target.number,
    queue: target.queue,
    dialedNumber: c.dialedNumber,
    enqueuedAt: ctx.now,
    initialDelaySeconds: 0,
    maxAttempts: queued?.maxAttempts ?? 3,
    retryDelaySeconds: queued?.retryDelaySeconds ?? 300,
    maxQueueSeconds: queued?.maxQueueSeconds ?? 86400,
    flowId: c.flowId,
    flowVersion: c.version,
    variables: { ...c.variables },
    voicemail: { recordingUrl, durationSeconds },
  };
  if (c.callerNumber) request.callerNumber = c.callerNumber;
  if (c.whisper.outbound) request.outboundWhisperFlow = c.whisper.outbound;
  c.seq += 1;
  ctx.emit({ type: 'createCallback', request });
  return {
    outcome: 'recorded',
    note: `a ${durationSeconds} s message: callback to ${target.number} queued in ${target.queue}`,
  };
}
