import { create } from 'zustand';
import { api, type FlowTestFile } from '../api/client';
import type { ScenarioOutcome, TestRun } from './test-run';

/** The open flow's test files and the latest results; kept while the admin looks at other tabs. */
export interface TestsState {
  flowId: string | null;
  files: FlowTestFile[] | null;
  /** Why the files could not be read. */
  error: string | null;
  run: TestRun | null;
  running: boolean;
  /** Starts reading the files of `flowId`; older answers are dropped. */
  loading(flowId: string): void;
  loaded(flowId: string, files: FlowTestFile[]): void;
  failed(flowId: string, error: string): void;
  setRunning(running: boolean): void;
  /** A run's outcomes: a whole run replaces the previous one, a single scenario updates its row. */
  finished(run: TestRun, single: boolean): void;
}

export const useTestsStore = create<TestsState>()((set, get) => ({
  flowId: null,
  files: null,
  error: null,
  run: null,
  running: false,
  loading: (flowId) =>
    set(flowId === get().flowId ? { error: null } : { flowId, files: null, error: null, run: null }),
  loaded: (flowId, files) => {
    if (flowId === get().flowId) set({ files });
  },
  failed: (flowId, error) => {
    if (flowId === get().flowId) set({ error });
  },
  setRunning: (running) => set({ running }),
  finished: (run, single) => {
    const previous = get().run;
    if (!single || !previous) {
      set({ run, running: false });
      return;
    }
    const key = (o: ScenarioOutcome) => `${o.file}\n${o.name}`;
    const updated = new Map(previous.outcomes.map((o) => [key(o), o]));
    for (const outcome of run.outcomes) updated.set(key(outcome), outcome);
    const outcomes = [...updated.values()];
    const merged: TestRun = {
      outcomes,
      passed: outcomes.filter((o) => o.passed).length,
      failed: outcomes.filter((o) => !o.passed).length,
    };
    // The whole run's coverage stays: one scenario run again covers part of the flow only.
    if (previous.coverage) merged.coverage = previous.coverage;
    set({ run: merged, running: false });
  },
}));

/** Reads the flow's test files from the server (again): after a save, a `git pull`, or opening the tab. */
export async function reloadTestFiles(flowId: string): Promise<void> {
  const store = useTestsStore.getState();
  store.loading(flowId);
  try {
    store.loaded(flowId, await api.flowTests(flowId));
  } catch (error) {
    store.failed(flowId, error instanceof Error ? error.message : String(error));
  }
}

/**
 * The outcomes of `flowId`'s blocks that no scenario took in the latest whole run, as `block\u0000outcome`
 * keys (the canvas shades their handles); undefined when there is no coverage for that flow.
 */
export function untestedOutcomes(
  state: TestsState,
  flowId: string | undefined,
): ReadonlySet<string> | undefined {
  const coverage = state.run?.coverage;
  if (!coverage || coverage.flow !== flowId || state.flowId !== flowId) return undefined;
  return cachedKeys(coverage);
}

const keysCache = new WeakMap<object, ReadonlySet<string>>();
function cachedKeys(coverage: NonNullable<TestRun['coverage']>): ReadonlySet<string> {
  let keys = keysCache.get(coverage);
  if (!keys) {
    keys = new Set(coverage.outcomes.untested.map((o) => `${o.block}\u0000${o.outcome}`));
    keysCache.set(coverage, keys);
  }
  return keys;
}
