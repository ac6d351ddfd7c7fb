import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleFlow, startTestService, type TestService, TOKENS } from '../test-support/temp-service.js';

let t: TestService;
let base: string;
beforeAll(async () => {
  t = await startTestService();
  const port = await t.service.listen();
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await t.close();
});

const headers = { Authorization: `Bearer ${TOKENS.editor}`, 'Content-Type': 'application/json' };
const ROUNDS = 20;

async function load(): Promise<{ flow: { description: string }; etag: string }> {
  const res = await fetch(`${base}/api/flows/race-flow`, { headers });
  return (await res.json()) as { flow: { description: string }; etag: string };
}

/** Appends the client's mark to the description it read and saves with the etag it read. */
async function save(loaded: { flow: { description: string }; etag: string }, mark: string) {
  const res = await fetch(`${base}/api/flows/race-flow`, {
    method: 'PUT',
    headers: { ...headers, 'If-Match': loaded.etag },
    body: JSON.stringify({ ...loaded.flow, description: `${loaded.flow.description} ${mark}`.trim() }),
  });
  return {
    mark,
    status: res.status,
    body: (await res.json()) as { code?: string; details?: { current?: { etag: string } } },
  };
}

describe('two clients saving the same flow at once', () => {
  it('never loses an update silently: each save wins or gets 412, and every win is in the file', async () => {
    const created = await fetch(`${base}/api/flows/race-flow`, {
      method: 'PUT',
      headers: { ...headers, 'If-None-Match': '*' },
      body: JSON.stringify({ ...simpleFlow('race-flow'), description: '' }),
    });
    expect(created.status).toBe(201);
    const wins: string[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      // Both clients read the same version, then both save at the same moment.
      const [a, b] = await Promise.all([load(), load()]);
      expect(a.etag).toBe(b.etag);
      const results = await Promise.all([save(a, `a${round}`), save(b, `b${round}`)]);
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 412]);
      const loser = results.find((r) => r.status === 412);
      expect(loser?.body.code).toBe('version_mismatch');
      expect(loser?.body.details?.current?.etag).not.toBe(a.etag);
      wins.push(results.find((r) => r.status === 200)?.mark ?? '');
    }
    const { flow } = await load();
    // Every winning save is in the file, in order; no losing save is.
    expect(flow.description.split(' ')).toEqual(wins);
  }, 60_000);
});
