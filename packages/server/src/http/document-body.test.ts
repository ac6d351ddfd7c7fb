import { MAX_JSON_DEPTH, parseDocumentBytes } from '@callflow/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService, TOKENS } from '../test-support/temp-service.js';

interface ErrorBody {
  code: string;
  details: { problems: { code: string; message: string }[]; line: number };
}

let t: TestService;
let base: string;
beforeAll(async () => {
  t = await startTestService();
  base = `http://127.0.0.1:${await t.service.listen()}`;
});
afterAll(async () => {
  await t.close();
});

const deep = (levels: number) =>
  `{"formatVersion":1,"id":"deep","a":${'['.repeat(levels)}${']'.repeat(levels)}}`;
const duplicate = '{"formatVersion":1,"id":"dup","name":"A","name":"B"}';
// "é" in Latin-1: one byte that is not UTF-8.
const latin1 = Buffer.concat([
  Buffer.from('{"formatVersion":1,"id":"latin","name":"Caf'),
  Buffer.from([0xe9]),
  Buffer.from('"}'),
]);

const bodies: [string, Buffer][] = [
  ['nested 10,000 levels deep', Buffer.from(deep(10_000))],
  [`nested ${MAX_JSON_DEPTH + 1} levels deep`, Buffer.from(deep(MAX_JSON_DEPTH + 1))],
  ['a repeated key', Buffer.from(duplicate)],
  ['bytes that are not UTF-8', latin1],
];

const routes: [string, string][] = [
  ['PUT', '/api/flows/deep'],
  ['POST', '/api/flows/sales-inbound/validate'],
  ['PUT', '/api/flows/sales-inbound/tests/deep.test.json'],
  ['PUT', '/api/resources'],
];

/** What `callflow validate` says about the same bytes in a file (cli/src/bad-input.test.ts runs the CLI on them). */
function cliProblem(bytes: Buffer) {
  const doc = parseDocumentBytes(bytes);
  return { code: doc.problems[0]?.code, message: doc.problems[0]?.message };
}

describe('document bodies are read like files by the CLI', () => {
  for (const [method, path] of routes) {
    it.each(bodies)(
      `${method} ${path}: a body %s gets 400 invalid_json with the CLI's code`,
      async (_why, bytes) => {
        // fetch sends the bytes as they are (the test client would serialise a Buffer as JSON).
        const res = await fetch(`${base}${path}`, {
          method,
          headers: {
            Authorization: `Bearer ${TOKENS.admin}`,
            'Content-Type': 'application/json',
            'If-None-Match': '*',
          },
          body: bytes,
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as ErrorBody }));
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('invalid_json');
        expect(res.body.details.problems[0]).toMatchObject(cliProblem(bytes));
        expect(res.body.details.problems[0]?.code).toBe('CF001');
        expect(res.body.details.line).toBeGreaterThanOrEqual(1);
      },
    );
  }

  it('saves nothing for a refused body, and still saves a good one', async () => {
    await t.api().get('/api/flows/deep').expect(404);
    const res = await t.api().post('/api/flows/sales-inbound/validate').send({}).expect(200);
    expect(Array.isArray(res.body.problems)).toBe(true);
  });
});
