import { type Flow, flowDependencies, type Resources, type UnpublishedDependency } from '@callflow/model';

/** One flow of a flow's dependency closure, with what is live of it now. */
export interface ClosureEntry extends UnpublishedDependency {
  /** The live version, or null when the flow has none. */
  live: number | null;
  /** False when there is no readable draft either: it cannot be published from here. */
  hasDraft: boolean;
}

export interface ClosureSources {
  resources?: Resources;
  /** The live version of a flow, if any. */
  live(id: string): { version: number; flow: Flow } | undefined;
  /** The saved draft of a flow, if it exists and is readable. */
  draft(id: string): Promise<Flow | undefined>;
}

/**
 * Every flow `root` needs at run time, transitively, in the order first met. A flow that is live is
 * followed through its live version (that is what runs); one that is not, through its draft (that is
 * what publishing with dependencies would make live).
 */
export async function dependencyClosure(root: Flow, sources: ClosureSources): Promise<ClosureEntry[]> {
  const entries = new Map<string, ClosureEntry>();
  const pending: Flow[] = [root];
  for (let flow = pending.shift(); flow; flow = pending.shift()) {
    for (const dependency of flowDependencies(flow, sources.resources)) {
      if (dependency.flowId === root.id) continue;
      let entry = entries.get(dependency.flowId);
      if (!entry) {
        const live = sources.live(dependency.flowId);
        const next = live?.flow ?? (await sources.draft(dependency.flowId));
        entry = {
          flowId: dependency.flowId,
          live: live?.version ?? null,
          hasDraft: live ? true : next !== undefined,
          neededBy: [],
        };
        entries.set(dependency.flowId, entry);
        if (next) pending.push(next);
      }
      entry.neededBy.push({ ...dependency, fromFlowId: flow.id });
    }
  }
  return [...entries.values()];
}
