import type { ContactSnapshot, EngineEnv, Frame } from '../types.js';
import type { FlowPins } from './flow-pins.js';

/** What a variable lookup reads: the snapshot, the flows, the environment and the step's time. */
export interface VariableScope {
  readonly env: EngineEnv;
  readonly s: ContactSnapshot;
  readonly now: number;
  readonly flows: FlowPins;
}

/**
 * Reads a variable as a block sees it: `$` names are system variables the runtime provides; other
 * names are the module's own scope inside a module, else the contact's variables (falling back to the
 * declared default of the flow running now, then of the flow the contact began on).
 */
export function lookupVariable(run: VariableScope, frame: Frame | undefined, name: string): unknown {
  const s = run.s;
  if (name.startsWith('$')) return systemValue(run, name);
  if (frame?.kind === 'module') {
    const own = frame.vars?.[name];
    if (own !== undefined) return own;
    return run.flows.compiled(frame.flowId)?.flow.variables?.[name]?.default;
  }
  const value = s.variables[name];
  if (value !== undefined) return value;
  const flow = frame ? run.flows.compiled(frame.flowId)?.flow : undefined;
  return flow?.variables?.[name]?.default ?? run.flows.root()?.variables?.[name]?.default;
}

function systemValue(run: VariableScope, name: string): unknown {
  const s = run.s;
  switch (name) {
    case '$callerNumber':
      return s.callerNumber ?? '';
    case '$dialedNumber':
      return s.dialedNumber;
    case '$contactId':
      return s.contactId;
    case '$channel':
      return 'voice';
    case '$queueName':
      return s.queue?.name ?? s.system.queueName ?? '';
    case '$queuePosition': {
      const queue = s.queue?.name;
      if (!queue || !run.env.queues) return 0;
      // The host applies this step's `enqueue` after the step: a contact it does not know yet is last.
      return run.env.queues.position(queue, s.contactId) || run.env.queues.size(queue) + 1;
    }
    case '$estimatedWaitSeconds': {
      // Before Transfer to queue, the wait the caller would have in the working queue (the ACD's
      // estimator places a contact it does not hold yet at the end), so a callback offered before
      // queueing can depend on it; 0 without either queue.
      const queue = s.queue?.name ?? (s.system.queueName as string | undefined);
      return queue && run.env.queues ? run.env.queues.estimatedWaitSeconds(queue, s.contactId) : 0;
    }
    case '$routingPriority':
      return s.routing?.priority ?? 0;
    case '$now':
      return new Date(run.now).toISOString();
    default:
      return s.system[name.slice(1)];
  }
}
