import type { Flow } from '@callflow/model';
import type { FlowSource, PublishedFlow } from '../types.js';

/**
 * A flow source over flows held in memory. Each entry is a flow (version 1) or a list of published
 * versions; new contacts start on the highest version, running contacts keep theirs.
 */
export function flowSource(flows: readonly (Flow | PublishedFlow)[]): FlowSource {
  const byId = new Map<string, PublishedFlow[]>();
  for (const entry of flows) {
    const published: PublishedFlow = 'flow' in entry ? entry : { flow: entry, version: 1 };
    const list = byId.get(published.flow.id) ?? [];
    list.push(published);
    list.sort((a, b) => a.version - b.version);
    byId.set(published.flow.id, list);
  }
  return {
    get(id, version) {
      const list = byId.get(id);
      if (!list) return undefined;
      return version === undefined ? list[list.length - 1] : list.find((p) => p.version === version);
    },
  };
}
