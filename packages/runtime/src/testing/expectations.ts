import { dequal } from 'dequal';
import { type CallRecord, type DialRecord, entryPath } from './call-record.js';
import type { Expectation } from './flow-test.js';

/** One unmet expectation: which one (a JSON pointer into the scenario's `expect`) and what differed. */
export interface ExpectationFailure {
  path: string;
  message: string;
}

const arrow = (items: readonly string[]) => (items.length === 0 ? '(nothing)' : items.join(' → '));
const show = (value: unknown) => (value === undefined ? '(none)' : JSON.stringify(value));

/** Checks every stated expectation against what happened; an empty list means the scenario passed. */
export function checkExpectations(expect: Expectation, record: CallRecord): ExpectationFailure[] {
  const failures: ExpectationFailure[] = [];
  const fail = (path: string, message: string) => failures.push({ path: `/expect/${path}`, message });
  const visited = record.visits.map((v) => v.block);

  if (expect.path) {
    const actual = entryPath(record);
    const at = firstDifference(expect.path, actual);
    if (at !== undefined) {
      fail(
        'path',
        `expected path ${arrow(expect.path)} but got ${arrow(actual)} (first difference at step ${at + 1}: expected ${show(expect.path[at])}, got ${show(actual[at])})`,
      );
    }
  }
  if (expect.visits) {
    const missing = missingInOrder(expect.visits, visited, (want, got) => want === got);
    if (missing !== undefined) {
      fail(
        `visits/${missing}`,
        `expected to enter block "${expect.visits[missing]}"${after(expect.visits, missing)} but the call went ${arrow(visited)}`,
      );
    }
  }
  for (const [i, block] of (expect.notVisits ?? []).entries()) {
    if (visited.includes(block))
      fail(`notVisits/${i}`, `expected never to enter block "${block}" but the call went ${arrow(visited)}`);
  }
  if (expect.prompts) checkTexts('prompts', expect.prompts, record.prompts, 'the caller', fail);
  if (expect.agentPrompts)
    checkTexts('agentPrompts', expect.agentPrompts, record.agentPrompts, 'the agent', fail);
  if (expect.logs) checkLogs(expect.logs, record.logs, fail);
  if (expect.queue !== undefined) {
    const last = record.queues.at(-1);
    if (last !== expect.queue) {
      fail(
        'queue',
        `expected the call in queue "${expect.queue}" but ${last === undefined ? 'it was never queued' : `it was queued in ${record.queues.map((q) => `"${q}"`).join(' then ')}`}`,
      );
    }
  }
  if (expect.offeredTo !== undefined && !record.offers.some((o) => o.agent === expect.offeredTo)) {
    const offered = record.offers.map((o) => o.agent);
    fail(
      'offeredTo',
      `expected an offer to agent "${expect.offeredTo}" but ${offered.length === 0 ? 'no agent was offered the contact' : `it was offered to ${offered.join(', ')}`}`,
    );
  }
  if (expect.popover) checkPopover(expect, record, fail);
  if (expect.transfer) checkTransfer(expect.transfer, record, fail);
  if (expect.callback) checkCallback(expect.callback, record, fail);
  for (const [name, value] of Object.entries(expect.variables ?? {})) {
    if (!sameValue(record.variables[name], value)) {
      fail(
        `variables/${name}`,
        `expected variable ${name} = ${show(value)} but it was ${show(record.variables[name])}`,
      );
    }
  }
  if (expect.recording && firstDifference(expect.recording, record.recording) !== undefined) {
    fail('recording', `expected recording ${arrow(expect.recording)} but got ${arrow(record.recording)}`);
  }
  if (expect.end !== undefined && record.end !== expect.end) {
    fail(
      'end',
      `expected the call to end ${expect.end} but it ended ${record.end ?? 'not at all (still running when the simulation stopped)'}${record.endReason ? ` (${record.endReason})` : ''}`,
    );
  }
  return failures;
}

type Fail = (path: string, message: string) => void;

function after(list: readonly string[], index: number): string {
  return index > 0 ? ` after "${list[index - 1]}"` : '';
}

function firstDifference(expected: readonly unknown[], actual: readonly unknown[]): number | undefined {
  const n = Math.max(expected.length, actual.length);
  for (let i = 0; i < n; i++) if (expected[i] !== actual[i]) return i;
  return undefined;
}

/** Index of the first wanted item not found, in order, in `actual` (others may come between). */
function missingInOrder<T>(
  wanted: readonly T[],
  actual: readonly string[],
  match: (w: T, a: string) => boolean,
): number | undefined {
  let from = 0;
  for (const [i, w] of wanted.entries()) {
    const at = actual.findIndex((a, j) => j >= from && match(w, a));
    if (at === -1) return i;
    from = at + 1;
  }
  return undefined;
}

function checkTexts(
  key: string,
  wanted: readonly string[],
  played: readonly string[],
  who: string,
  fail: Fail,
): void {
  const missing = missingInOrder(wanted, played, (w, a) => a.includes(w));
  if (missing === undefined) return;
  const heard =
    played.length === 0 ? 'nothing was played' : `played: ${played.map((p) => JSON.stringify(p)).join(', ')}`;
  fail(
    `${key}/${missing}`,
    `expected ${who} to hear ${JSON.stringify(wanted[missing])}${missing > 0 ? ` after ${JSON.stringify(wanted[missing - 1])}` : ''} but ${heard}`,
  );
}

/** Each wanted line is part of a logged line, in this order (others may come between). */
function checkLogs(wanted: readonly string[], logged: readonly string[], fail: Fail): void {
  const missing = missingInOrder(wanted, logged, (w, a) => a.includes(w));
  if (missing === undefined) return;
  const written =
    logged.length === 0 ? 'no line was logged' : `logged: ${logged.map((l) => JSON.stringify(l)).join(', ')}`;
  fail(
    `logs/${missing}`,
    `expected a logged line containing ${JSON.stringify(wanted[missing])}${missing > 0 ? ` after ${JSON.stringify(wanted[missing - 1])}` : ''} but ${written}`,
  );
}

function checkPopover(expect: Expectation, record: CallRecord, fail: Fail): void {
  const offer =
    record.offers.find((o) => expect.offeredTo !== undefined && o.agent === expect.offeredTo) ??
    record.offers[0];
  if (!offer) {
    fail('popover', 'expected a popover but no agent was offered the contact');
    return;
  }
  const wanted = expect.popover ?? [];
  const labels = offer.popover.map((p) => p.label);
  const at = firstDifference(
    wanted.map((p) => p.label),
    labels,
  );
  if (at !== undefined) {
    fail(
      'popover',
      `expected popover labels ${arrow(wanted.map((p) => p.label))} but agent "${offer.agent}" saw ${arrow(labels)}`,
    );
    return;
  }
  for (const [i, entry] of wanted.entries()) {
    const shown = offer.popover[i]?.value;
    if ('value' in entry && !sameValue(shown, entry.value)) {
      fail(
        `popover/${i}/value`,
        `expected popover "${entry.label}" to show ${show(entry.value)} but it showed ${show(shown)}`,
      );
    }
  }
}

function describeCallerId(dial: DialRecord): string {
  return `${dial.callerId ?? 'no caller ID'} (rule ${dial.rule ?? 'unknown'})`;
}

function checkCallerId(
  key: string,
  want: { callerId?: string; callerIdName?: string; rule?: string },
  dial: DialRecord,
  fail: Fail,
): void {
  const numberWrong = want.callerId !== undefined && want.callerId !== dial.callerId;
  const ruleWrong = want.rule !== undefined && want.rule !== dial.rule;
  if (numberWrong || ruleWrong) {
    const expected = `${want.callerId ?? dial.callerId ?? 'no caller ID'} (rule ${want.rule ?? dial.rule ?? 'unknown'})`;
    fail(
      `${key}/${numberWrong ? 'callerId' : 'rule'}`,
      `expected caller ID ${expected} but got ${describeCallerId(dial)}${dial.reason ? `: ${dial.reason}` : ''}`,
    );
  }
  if (want.callerIdName !== undefined && want.callerIdName !== dial.callerIdName) {
    fail(
      `${key}/callerIdName`,
      `expected caller ID name ${show(want.callerIdName)} but got ${show(dial.callerIdName)}`,
    );
  }
}

function checkTransfer(want: NonNullable<Expectation['transfer']>, record: CallRecord, fail: Fail): void {
  const transfers = record.dials.filter((d) => d.purpose === 'transfer');
  const dial = want.to !== undefined ? transfers.find((d) => d.to === want.to) : transfers[0];
  if (!dial) {
    const dialled = transfers.map((d) => d.to);
    fail(
      want.to !== undefined ? 'transfer/to' : 'transfer',
      `expected a transfer${want.to !== undefined ? ` to ${want.to}` : ''} but ${dialled.length === 0 ? 'no number was dialled' : `the call was transferred to ${dialled.join(', ')}`}`,
    );
    return;
  }
  checkCallerId('transfer', want, dial, fail);
  if (want.sendDigits !== undefined && want.sendDigits !== dial.sendDigits) {
    fail(
      'transfer/sendDigits',
      `expected the extension ${show(want.sendDigits)} to be keyed in once ${dial.to} answered, but ${dial.sendDigits === undefined ? 'no digits were sent' : `${show(dial.sendDigits)} was`}`,
    );
  }
}

function checkCallback(want: NonNullable<Expectation['callback']>, record: CallRecord, fail: Fail): void {
  const callback = record.callbacks[0];
  if (!callback) {
    fail('callback', 'expected a callback to be created but none was');
    return;
  }
  for (const key of ['number', 'queue', 'status'] as const) {
    if (want[key] !== undefined && want[key] !== callback[key]) {
      fail(
        `callback/${key}`,
        `expected callback ${key} ${show(want[key])} but it was ${show(callback[key])}`,
      );
    }
  }
  if (want.callerId === undefined && want.rule === undefined) return;
  const dial = record.dials.find((d) => d.purpose === 'callback');
  if (!dial) {
    fail(
      'callback',
      'expected the callback to be placed, but the customer was never dialled (was an agent available to accept it?)',
    );
    return;
  }
  checkCallerId('callback', want, dial, fail);
}

/** Values from JSON test files compare by content: the order of an object's keys does not count. */
function sameValue(actual: unknown, expected: unknown): boolean {
  return dequal(actual, expected);
}
