import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestService, type TestService } from '../test-support/temp-service.js';
import type { FlowStore } from './flow-store.js';
import { LiveResources } from './live-resources.js';

// A resources document that passes the schema (a damaged one would never replace the good one).
const sampleResources = JSON.parse(
  readFileSync(new URL('../../../../flows/resources.json', import.meta.url), 'utf8'),
);

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
});
afterAll(async () => {
  await t.close();
});

const displayNameOf = async (agent: string): Promise<string> => {
  const res = await t.api().get('/api/agents').expect(200);
  return (
    (res.body as { name: string; displayName: string }[]).find((a) => a.name === agent)?.displayName ?? ''
  );
};

describe('resources followed from disk', () => {
  it('shows an edit made to resources.json by hand at the next request', async () => {
    expect(await displayNameOf('alice.ng')).toBe('Alice Ng');
    const file = t.config.resourcesFile;
    const resources = JSON.parse(readFileSync(file, 'utf8'));
    resources.agents['alice.ng'].displayName = 'Alice Ng-Okafor';
    writeFileSync(file, `${JSON.stringify(resources, null, 2)}\n`);
    expect(await displayNameOf('alice.ng')).toBe('Alice Ng-Okafor');
  });

  it('reads the file again only when it changed, not at every request', async () => {
    await displayNameOf('alice.ng');
    const reads = vi.spyOn(t.service.flows.store, 'getResources');
    try {
      for (let i = 0; i < 3; i += 1) await displayNameOf('alice.ng');
      expect(reads).not.toHaveBeenCalled();
      const file = t.config.resourcesFile;
      writeFileSync(file, readFileSync(file, 'utf8').replace('Bilal Khan', 'Bilal A. Khan'));
      expect(await displayNameOf('bilal.khan')).toBe('Bilal A. Khan');
      expect(reads).toHaveBeenCalledTimes(1);
    } finally {
      reads.mockRestore();
    }
  });
});

describe('LiveResources', () => {
  it('shares one read among callers at the same time, tells listeners once, and reads a change made meanwhile', async () => {
    let stamp = 'v1';
    let reads = 0;
    const store = {
      resourcesStamp: () => stamp,
      getResources: async () => {
        reads += 1;
        await new Promise((r) => setTimeout(r, 5));
        return { resources: sampleResources, etag: stamp, problems: [] };
      },
    } as unknown as FlowStore;
    const live = new LiveResources(store);
    await live.refresh();
    const changes: unknown[] = [];
    live.onChange((r) => changes.push(r));

    stamp = 'v2';
    await Promise.all([live.refresh(), live.refresh(), live.refresh()]);
    expect(reads).toBe(2);
    expect(changes).toHaveLength(1);

    stamp = 'v3';
    const first = live.refresh();
    stamp = 'v4'; // changed again while v3 is being read
    await Promise.all([first, live.refresh()]);
    expect(reads).toBe(4);
    await live.refresh();
    expect(reads).toBe(4);
  });
});
