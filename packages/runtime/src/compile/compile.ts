import { blockDefinition, type Flow, type Resources } from '@callflow/model';
import { type AnyStateMachine, createMachine, initialTransition } from 'xstate';

/**
 * A flow turned into an XState v5 machine: one state per block, one transition per wired outcome.
 * The machine carries no context and no actions: the contact's data lives in the engine snapshot, the
 * machine only knows where the flow goes (docs/architecture.md, "What XState does here").
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
  return {
    flow,
    version,
    machine,
    wiring,
    start: String(initial.value),
    // The machine is built from `wiring` and has no context, guards or actions, so its transition on
    // (block, outcome) is always the wired target (compile.test.ts checks both agree on every sample
    // flow): a contact's step reads the map and never pays for an XState transition, which builds an
    // actor scope per call. The machine is for reasoning about the graph (testing/coverage.ts).
    next: (block, outcome) => wiring[block]?.[outcome],
  };
}

/** Forget every compiled machine (tests, and hosts that reload flows in place). */
export function clearCompiled(): void {
  cache.clear();
}
