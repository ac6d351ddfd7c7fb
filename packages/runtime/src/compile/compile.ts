import { blockDefinition, type Flow, type Resources } from '@callflow/model';
import {
  type AnyStateMachine,
  createMachine,
  initialTransition,
  type MachineSnapshot,
  transition,
} from 'xstate';

/**
 * A flow turned into an XState v5 machine: one state per block, one transition per wired outcome.
 * The machine carries no context and no actions, so XState's pure `transition()` is all the engine
 * needs: the contact's data lives in the engine snapshot, the machine only knows where the flow goes.
 */
export interface CompiledFlow {
  flow: Flow;
  version: number;
  machine: AnyStateMachine;
  /** Block id -> wired outcome -> next block id, as the machine has it (for tools and tests). */
  wiring: Record<string, Record<string, string>>;
  /** The state a contact enters first. */
  start: string;
  /** Where the machine goes from `block` on `outcome`; undefined when the outcome is not wired. */
  next(block: string, outcome: string): string | undefined;
}

// biome-ignore lint/suspicious/noExplicitAny: XState's snapshot generics are not useful for a context-free machine
type AnySnapshot = MachineSnapshot<any, any, any, any, any, any, any, any>;

/** XState reads `*` and `foo.*` event types as wildcards: outcome names go through this mapping. */
export function outcomeEvent(outcome: string): string {
  return `outcome:${outcome === '*' ? 'star' : outcome === '#' ? 'hash' : outcome}`;
}

const cache = new Map<string, CompiledFlow>();
const MAX_CACHED = 500;

/**
 * Compiles a flow (cached per flow id and published version; a different object with the same id and
 * version — an edited draft in the editor — is compiled again). `resources` is accepted so that a later
 * version can pre-resolve names; the machine itself does not depend on it.
 */
export function compile(flow: Flow, _resources?: Resources, version = 0): CompiledFlow {
  const key = `${flow.id}@${version}`;
  const hit = cache.get(key);
  if (hit && hit.flow === flow) return hit;
  const compiled = build(flow, version);
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(key, compiled);
  return compiled;
}

function build(flow: Flow, version: number): CompiledFlow {
  const wiring: Record<string, Record<string, string>> = {};
  const states: Record<string, object> = {};
  for (const [id, block] of Object.entries(flow.blocks)) {
    const definition = blockDefinition(block.type);
    const wired: Record<string, string> = {};
    for (const [outcome, target] of Object.entries(block.next ?? {})) {
      if (flow.blocks[target]) wired[outcome] = target;
    }
    wiring[id] = wired;
    states[id] =
      definition?.terminal === true
        ? { type: 'final' }
        : { on: Object.fromEntries(Object.entries(wired).map(([o, t]) => [outcomeEvent(o), { target: t }])) };
  }
  const start = flow.blocks[flow.start] ? flow.start : Object.keys(flow.blocks)[0];
  if (start === undefined) throw new Error(`flow "${flow.id}" has no blocks`);
  const machine = createMachine({ id: `${flow.id}@${version}`, initial: start, states } as never);
  const [initial] = initialTransition(machine);
  const resolved = new Map<string, AnySnapshot>();
  resolved.set(String(initial.value), initial as AnySnapshot);
  // XState snapshots are immutable, so one resolved snapshot per block serves every contact.
  const resolve = (block: string): AnySnapshot => {
    let snapshot = resolved.get(block);
    if (!snapshot) {
      snapshot = machine.resolveState({ value: block, context: {} }) as AnySnapshot;
      resolved.set(block, snapshot);
    }
    return snapshot;
  };
  // The machine has no context, guards or actions, so (block, outcome) always leads to the same state:
  // XState's pure transition() answers once, the answer is kept (it costs an actor scope per call).
  const memo = new Map<string, string>();
  return {
    flow,
    version,
    machine,
    wiring,
    start: String(initial.value),
    next(block, outcome) {
      if (!wiring[block]?.[outcome]) return undefined;
      const key = `${block}\u0000${outcome}`;
      let target = memo.get(key);
      if (target === undefined) {
        const [after] = transition(machine, resolve(block), { type: outcomeEvent(outcome) });
        target = String(after.value);
        memo.set(key, target);
      }
      return target;
    },
  };
}

/** Forget every compiled machine (tests, and hosts that reload flows in place). */
export function clearCompiled(): void {
  cache.clear();
}
