import { isSecureVariable } from '../rules/secure-variables.js';
import type { Simulator } from '../simulator/simulator.js';
import type { CallerStep } from './flow-test.js';
import { type ContactLog, callTime } from './recorded-log.js';
import type { ReplayClock } from './replay-clock.js';

/** A `collectDigits` the flow sent: it asks the caller for keys. */
interface KeyRequest {
  at: number;
  /** Its place in the contact's log. */
  index: number;
}

/** Keys the caller pressed in answer to one request, joined: one `press` step. */
interface Press {
  request: KeyRequest;
  keys: string;
  /** When the last of the keys was pressed: the flow went on from there. */
  lastAt: number;
  /** The block that took the keys. */
  flowId?: string;
  block?: string;
}

/** What the caller did during the call, read from the simulator log and the contact's trace. */
export interface CallerActions {
  requests: KeyRequest[];
  presses: Press[];
  hangUpAt?: number;
  notes: string[];
}

/**
 * The caller's keys grouped by the request they answered (the latest `collectDigits` before them), as
 * the runner presses them: all at once when the flow asks. Keys the flow did not take (its trace says the
 * event was ignored: hold music, a web request...) cannot be replayed and are left out with a note.
 */
export function callerActions(sim: Simulator, log: ContactLog, start: number): CallerActions {
  const taken = sim.trace(log.contactId).filter((t) => t.event === 'digits');
  const actions: CallerActions = { requests: [], presses: [], notes: [] };
  let request: KeyRequest | undefined;
  let dropped: { keys: string; at: number; why: string } | undefined;
  const noteDropped = () => {
    if (!dropped) return;
    actions.notes.push(
      `The caller pressed ${dropped.keys} at ${callTime(dropped.at - start)} while the flow was not asking for keys (${dropped.why}): the test leaves ${dropped.keys.length > 1 ? 'them' : 'it'} out.`,
    );
    dropped = undefined;
  };
  let digitsSeen = 0;
  for (const [index, e] of log.entries.entries()) {
    if (e.direction === 'command' && e.type === 'collectDigits') {
      noteDropped();
      request = { at: e.at, index };
      actions.requests.push(request);
    } else if (e.direction === 'event' && e.type === 'digits') {
      const keys = (e.detail as { digits: string }).digits;
      const trace = taken[digitsSeen++];
      if (!request || trace?.ignored !== undefined) {
        const why = trace?.ignored ?? 'no block had asked for keys yet';
        if (dropped?.why !== why) {
          noteDropped();
          dropped = { keys, at: e.at, why };
        } else dropped.keys += keys;
        continue;
      }
      noteDropped();
      const last = actions.presses.at(-1);
      if (last?.request === request) {
        last.keys += keys;
        last.lastAt = e.at;
      } else {
        const press: Press = { request, keys, lastAt: e.at };
        if (trace?.flowId !== undefined) press.flowId = trace.flowId;
        if (trace?.block !== undefined) press.block = trace.block;
        actions.presses.push(press);
      }
    } else if (e.direction === 'event' && e.type === 'callerHangUp') {
      actions.hangUpAt = e.at;
    }
  }
  noteDropped();
  return actions;
}

/** The runner presses at once: the time the caller took to answer moves the rest of the replay earlier. */
export function shiftForPresses(actions: CallerActions, clock: ReplayClock): void {
  for (const press of actions.presses) clock.shift(press.lastAt, press.lastAt - press.request.at);
}

/**
 * The scenario's caller steps. The runner plays a `press` on the first key request after the previous
 * step; requests the caller let time out come before it, so a `wait` first moves the runner's clock past
 * the last of them (seconds from the previous step, rounded up). A wait before a hang-up keeps the time
 * the caller stayed on the line.
 */
export function callerSteps(actions: CallerActions, clock: ReplayClock): CallerStep[] {
  const steps: CallerStep[] = [];
  let now = 0;
  let used = -1;
  for (const press of actions.presses) {
    const skipped = actions.requests.filter((r) => r.index > used && r.index < press.request.index).at(-1);
    if (skipped) {
      const wait = Math.max(0, Math.ceil(clock.seconds(skipped.at) - now));
      steps.push({ wait });
      now += wait;
    }
    steps.push({ press: press.keys });
    now = Math.max(now, clock.seconds(press.request.at));
    used = press.request.index;
  }
  if (actions.hangUpAt !== undefined) {
    const wait = Math.ceil(clock.seconds(actions.hangUpAt) - now);
    if (wait > 0) steps.push({ wait });
    steps.push({ hangUp: true });
  }
  return steps;
}

/** Keys typed into a secure variable (a PIN) are saved in the test as typed: say so. */
export function secureKeyNotes(sim: Simulator, actions: CallerActions): string[] {
  const notes: string[] = [];
  for (const press of actions.presses) {
    if (press.flowId === undefined || press.block === undefined) continue;
    const flow = sim.env.flows.get(press.flowId)?.flow;
    const variable = (flow?.blocks[press.block]?.settings as { variable?: unknown } | undefined)?.variable;
    if (typeof variable !== 'string' || !isSecureVariable(flow, variable)) continue;
    const note = `The keys typed for ${variable} (a secure variable) are saved in the test as typed: use made-up values, never a real one.`;
    if (!notes.includes(note)) notes.push(note);
  }
  return notes;
}
