import { checkDialNumber } from '@callflow/model';
import { CONSULT_LEG_ENDED } from '../errors/runtime-errors.js';
import { consultCallerId } from '../rules/agent-call-caller-id.js';
import { dialOptions } from '../rules/dial-options.js';
import type { CallerIdOutcome, ConsultLegState, ContactEvent } from '../types.js';
import type { ContactRun } from './run.js';

/** Seconds a consulted number rings before the leg is given up. */
export const CONSULT_DIAL_SECONDS = 30;

type ConsultEvent = Extract<
  ContactEvent,
  { type: 'agentConsultDial' | 'agentConsultEnd' | 'agentConsultComplete' }
>;

/**
 * Consult with a number (docs/domain.md#transfers): the connected agent has a leg dialled to the number
 * with the caller ID of the agents' rule set (purpose `consult`), while the customer holds. Answered, the
 * agent talks to the number; then *complete* bridges the customer to that leg (a warm transfer: the
 * contact is transferred, the agent released to wrap-up) and *cancel* hangs the leg up (the agent is
 * back with the customer). A leg that is busy, unanswered, failed or hung up ends the consult (RT108).
 * Each change reaches the host as `consultLeg`.
 */
export function onAgentConsult(run: ContactRun, event: ConsultEvent): true | string {
  const agent = run.s.queue?.agent ?? run.s.callback?.agent;
  if (run.s.status !== 'connected' || agent !== event.agent)
    return `agent ${event.agent} is not connected to this contact`;
  const leg = run.s.consultLeg;
  if (event.type === 'agentConsultDial') {
    if (leg) return `agent ${event.agent} already consults ${leg.number}`;
    return dial(run, event);
  }
  if (!leg) return `agent ${event.agent} consults no number`;
  if (event.type === 'agentConsultEnd') {
    run.trace.begin({ event: event.type, note: `agent ${event.agent} ends the consult with ${leg.number}` });
    run.commands.emit({ type: 'cancelDial', dialRef: leg.dialRef });
    endLeg(run, `the consult with ${leg.number} was cancelled by ${event.agent}`);
    return true;
  }
  if (leg.status !== 'connected') return `${leg.number} has not answered yet`;
  run.trace.begin({
    event: event.type,
    note: `agent ${event.agent} completes the consult: the customer is bridged to ${leg.number}`,
  });
  run.commands.emit({ type: 'stopPlayback', to: 'caller' });
  run.commands.emit({ type: 'bridge', dialRef: leg.dialRef });
  delete run.s.consultLeg;
  run.s.inConsult = false;
  run.commands.emit({
    type: 'releaseAgent',
    agent: event.agent,
    reason: `completed the consult with ${leg.number}`,
  });
  delete run.s.system.agentName;
  run.commands.emit({
    type: 'transferResult',
    agent: event.agent,
    result: 'transferred',
    target: { number: leg.number },
    reason: `warm transfer: the customer is bridged to ${leg.number}, consulted with caller ID ${leg.callerId.number ?? 'none'} (${leg.callerId.rule})`,
    callerId: leg.callerId,
  });
  run.finish(`transferred to ${leg.number} by ${event.agent} after a consult`, false);
  run.s.status = 'transferred';
  return true;
}

function dial(run: ContactRun, event: Extract<ConsultEvent, { type: 'agentConsultDial' }>): true | string {
  const check = checkDialNumber(event.number, dialOptions(run));
  if (!check.ok) return `cannot dial ${event.number}: ${check.message}`;
  const queue = run.s.queue?.name ?? run.s.callback?.request.queue;
  const decision: CallerIdOutcome = consultCallerId({
    resources: run.env.resources,
    agent: event.agent,
    dialedNumber: check.e164,
    ...(queue ? { queue } : {}),
    ...(run.s.callerNumber ? { callerNumber: run.s.callerNumber } : {}),
    ...(event.agentChoice !== undefined ? { agentChoice: event.agentChoice } : {}),
    variables: (name) => run.vars.lookup(undefined, name),
    ...(run.env.random ? { random: run.env.random } : {}),
  });
  run.trace.begin({
    event: event.type,
    note: `agent ${event.agent} consults ${check.e164}; the customer holds`,
    callerId: decision,
  });
  run.s.inConsult = true;
  run.commands.emit({ type: 'play', to: 'caller', prompt: { text: 'hold music' }, loop: true });
  const dialRef = run.commands.emit({
    type: 'dial',
    purpose: 'consult',
    to: check.e164,
    ...(check.postDial ? { sendDigits: check.postDial } : {}),
    ...(decision.number ? { callerId: decision.number } : {}),
    ...(decision.name ? { callerIdName: decision.name } : {}),
    timeoutSeconds: CONSULT_DIAL_SECONDS,
  });
  const timerId = run.commands.startTimer(CONSULT_DIAL_SECONDS + 5, 'consultNoAnswer');
  const leg: ConsultLegState = {
    agent: event.agent,
    number: check.e164,
    dialRef,
    timerId,
    status: 'dialling',
    callerId: decision,
  };
  run.s.consultLeg = leg;
  told(
    run,
    leg,
    'dialling',
    `dialling ${check.e164} with caller ID ${decision.number ?? 'none'} (${decision.rule})`,
  );
  return true;
}

/** The leg's dial result, its safety timer or an adapter failure; false when not about the leg. */
export function onConsultLegEvent(run: ContactRun, event: ContactEvent): boolean {
  const leg = run.s.consultLeg;
  if (!leg) return false;
  if (event.type === 'timer' && event.timerId === leg.timerId) {
    run.trace.begin({ event: 'timer', note: `no answer from ${leg.number} in time` });
    run.commands.emit({ type: 'cancelDial', dialRef: leg.dialRef });
    endLeg(run, `${leg.number} did not answer`, true);
    return true;
  }
  if (event.type === 'adapterError' && event.ref === leg.dialRef) {
    run.trace.begin({ event: event.type, error: { code: 'RT106', detail: event.message } });
    endLeg(run, `the consult call to ${leg.number} could not be placed`, true);
    return true;
  }
  if (event.type !== 'dialResult' || event.ref !== leg.dialRef) return false;
  run.trace.begin({ event: event.type, outcome: event.result });
  if (event.result === 'answered' && leg.status === 'dialling') {
    run.commands.cancelTimer(leg.timerId);
    const connected: ConsultLegState = { ...leg, status: 'connected' };
    delete connected.timerId;
    run.s.consultLeg = connected;
    told(run, connected, 'connected', `${leg.number} answered: the agent talks to them, the customer holds`);
    return true;
  }
  const why = {
    answered: 'answered twice',
    busy: 'was busy',
    noAnswer: 'did not answer',
    failed: 'could not be reached',
    completed: 'hung up',
  };
  endLeg(run, `${leg.number} ${why[event.result]}`, true);
  return true;
}

/** The customer or the agent leaves the call while a consult leg is up: the leg is hung up too. */
export function hangUpConsultLeg(run: ContactRun, why: string): void {
  const leg = run.s.consultLeg;
  if (!leg) return;
  run.commands.emit({ type: 'cancelDial', dialRef: leg.dialRef });
  run.commands.cancelTimer(leg.timerId);
  delete run.s.consultLeg;
  run.s.inConsult = false;
  told(run, leg, 'ended', why);
}

/** The leg is over; the customer's hold ends and the agent is back with them. */
function endLeg(run: ContactRun, why: string, byItself = false): void {
  const leg = run.s.consultLeg;
  if (!leg) return;
  run.commands.cancelTimer(leg.timerId);
  delete run.s.consultLeg;
  run.s.inConsult = false;
  run.commands.emit({ type: 'stopPlayback', to: 'caller' });
  if (byItself) run.trace.with({ error: { code: CONSULT_LEG_ENDED, detail: why } });
  else run.trace.note(why);
  told(run, leg, 'ended', why, byItself);
}

function told(
  run: ContactRun,
  leg: ConsultLegState,
  status: 'dialling' | 'connected' | 'ended',
  reason: string,
  byItself = false,
): void {
  run.commands.emit({
    type: 'consultLeg',
    agent: leg.agent,
    number: leg.number,
    status,
    reason,
    ...(byItself ? { code: CONSULT_LEG_ENDED } : {}),
    callerId: leg.callerId,
  });
}
