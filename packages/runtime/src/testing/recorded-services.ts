import { dequal } from 'dequal';
import type { DialResult } from '../types.js';
import type { DialAnswer, ScenarioHttpAnswer } from './flow-test.js';
import type { ContactLog } from './recorded-log.js';

/**
 * The answer each web request of the call got from the simulator, for the test to give again: status,
 * body (parsed back from JSON when it is JSON) and how long it took. A request that was never answered
 * (the block timed out, or the call ended first) gets an answer that comes too late again. A request that
 * failed (a network error) is left out: the runner fails requests nothing answers, the same way.
 * Answers are listed longest URL first, since the runner takes the first whose URL is a prefix.
 */
export function httpAnswers(logs: readonly ContactLog[]): { http: ScenarioHttpAnswer[]; notes: string[] } {
  const answers: ScenarioHttpAnswer[] = [];
  const failed: string[] = [];
  const notes: string[] = [];
  for (const log of logs) {
    const results = log.events('httpResult');
    for (const request of log.commands('httpRequest')) {
      const { url, ref, timeoutSeconds } = request.detail;
      const result = results.find((r) => r.detail.ref === ref);
      let answer: ScenarioHttpAnswer;
      if (!result || result.detail.error === 'timeout') {
        answer = { url, delaySeconds: timeoutSeconds + 1 };
      } else if (result.detail.error !== undefined) {
        failed.push(url);
        continue;
      } else {
        answer = { url, status: result.detail.status ?? 200 };
        const body = parsedBody(result.detail.body ?? '');
        if (body !== undefined) answer.body = body;
        const delay = Math.ceil((result.at - request.at) / 1000);
        if (delay > 0) answer.delaySeconds = delay;
      }
      const same = answers.find((a) => a.url === url);
      if (!same) answers.push(answer);
      else if (!dequal(same, answer)) {
        notes.push(
          `${request.detail.method} ${url} got different answers during the call; the test gives the first one every time.`,
        );
      }
    }
  }
  const http = answers
    .map((answer, order) => ({ answer, order }))
    .sort((a, b) => b.answer.url.length - a.answer.url.length || a.order - b.order)
    .map(({ answer }) => answer);
  for (const url of failed) {
    const taker = http.find((a) => url.startsWith(a.url));
    if (taker)
      notes.push(
        `The request to ${url} failed during the call, but in the test the answer for ${taker.url} answers it.`,
      );
  }
  return { http, notes };
}

/** A body sent as JSON comes back as the value it encodes; other text stays text. */
function parsedBody(body: string): unknown {
  if (body === '') return undefined;
  try {
    const value: unknown = JSON.parse(body);
    // A JSON string would be sent back without its quotes: keep the text as it was.
    return typeof value === 'string' ? body : value;
  } catch {
    return body;
  }
}

const ANSWERS: Record<Exclude<DialResult, 'completed'>, DialAnswer> = {
  answered: 'answer',
  busy: 'busy',
  noAnswer: 'noAnswer',
  failed: 'fail',
};

/**
 * How each number dialled (transfers, callbacks) answered, where it did not simply answer (what the
 * runner does with a number it is not told about): `busy`, `noAnswer`, `fail`.
 */
export function dialAnswers(logs: readonly ContactLog[]): {
  dial: Record<string, DialAnswer>;
  notes: string[];
} {
  const seen = new Map<string, DialAnswer>();
  const notes: string[] = [];
  for (const log of logs) {
    const results = log.events('dialResult');
    const errors = log.events('adapterError');
    for (const dial of log.commands('dial')) {
      const { ref, to } = dial.detail;
      const mine = results.filter((r) => r.detail.ref === ref).map((r) => r.detail.result);
      if (mine.includes('completed')) {
        notes.push(`${to} answered and then hung up; a number in a test stays on the line once it answers.`);
      }
      if (errors.some((e) => e.detail.ref === ref)) {
        notes.push(`The phone network could not dial ${to}; a test cannot make dialling fail that way.`);
        continue;
      }
      const first = mine[0];
      if (first === undefined || first === 'completed') continue;
      const answer = ANSWERS[first];
      const before = seen.get(to);
      if (before === undefined) seen.set(to, answer);
      else if (before !== answer) {
        notes.push(
          `${to} answered ${before} first and ${answer} later; a number in a test answers the same way every time, so the test keeps ${before}.`,
        );
      }
    }
  }
  const dial: Record<string, DialAnswer> = {};
  for (const [to, answer] of seen) if (answer !== 'answer') dial[to] = answer;
  return { dial, notes };
}
