import type { FlowSource, PublishedFlow } from '@callflow/runtime';
import type { PublishedVersions } from '../store/published-versions.js';

/**
 * The engine's view of published flows: a pinned version comes from an immutable cache; "the version
 * new contacts start on" is the live alias, read fresh so that a publish or rollback applies at once.
 */
export function publishedFlowSource(published: PublishedVersions): FlowSource {
  const pinned = new Map<string, PublishedFlow>();
  return {
    get(id, requested) {
      const version = requested ?? published.liveNumber(id);
      if (version === undefined) return undefined;
      const key = `${id}@${version}`;
      const cached = pinned.get(key);
      if (cached) return cached;
      const flow = published.flow(id, version);
      if (!flow) return undefined;
      const entry = { flow, version };
      pinned.set(key, entry);
      return entry;
    },
  };
}
