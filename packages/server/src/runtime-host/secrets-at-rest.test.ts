import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually, SECRET_PIN } from '../test-support/flows.js';
import { startTestService, type TestService } from '../test-support/temp-service.js';

const API_TOKEN = 'tok-5f1e9c0a7b3d42e8';

interface CrmRequest {
  url: string;
  body: string;
}

/** A CRM on loopback: /login hands out the API token; /verify is held until the test answers it. */
class Crm {
  readonly requests: CrmRequest[] = [];
  readonly held: ServerResponse[] = [];
  server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      this.requests.push({ url: req.url ?? '', body });
      res.setHeader('Content-Type', 'application/json');
      if (req.url?.startsWith('/login')) res.end(JSON.stringify({ token: API_TOKEN }));
      else if (this.holdVerify) this.held.push(res);
      // A careless CRM echoes the PIN back: the copy it lands in must stay masked too.
      else res.end(JSON.stringify({ verified: true, echo: `PIN ${SECRET_PIN} ok` }));
    });
  });
  holdVerify = true;
  url = '';
  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  async stop(): Promise<void> {
    for (const res of this.held) res.destroy();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

function pinFlow(crm: string): Record<string, unknown> {
  const wait = (text: string) => ({
    type: 'menu',
    settings: { prompt: { text }, options: [{ digit: '1' }], timeoutSeconds: 60, retries: 0 },
    next: { '1': 'bye', timeout: 'bye', noMatch: 'bye', error: 'bye' },
  });
  return {
    formatVersion: 1,
    id: 'pin-at-rest',
    name: 'PIN at rest',
    type: 'inbound',
    start: 'login',
    variables: {
      apiToken: { type: 'string', secure: true },
      pin: { type: 'string', secure: true },
      verified: { type: 'boolean', default: false },
      note: { type: 'string', label: 'Note', agentViewable: true },
    },
    blocks: {
      login: {
        type: 'httpRequest',
        settings: {
          method: 'GET',
          url: `${crm}/login`,
          timeoutSeconds: 5,
          maxResponseBytes: 1000,
          responseMapping: [{ pointer: '/token', variable: 'apiToken' }],
        },
        next: { success: 'ask', error: 'failed', timeout: 'failed' },
      },
      ask: {
        type: 'getDigits',
        settings: {
          prompt: { text: 'Your PIN.' },
          variable: 'pin',
          minDigits: 8,
          maxDigits: 8,
          timeoutSeconds: 60,
          retries: 0,
        },
        next: { success: 'verify', timeout: 'failed', invalid: 'failed', error: 'failed' },
      },
      verify: {
        type: 'httpRequest',
        settings: {
          method: 'POST',
          url: `${crm}/verify?token={{apiToken}}`,
          body: { pin: { variable: 'pin' } },
          timeoutSeconds: 10,
          maxResponseBytes: 1000,
          responseMapping: [
            { pointer: '/verified', variable: 'verified' },
            { pointer: '/echo', variable: 'note' },
          ],
        },
        next: { success: 'done', error: 'failed', timeout: 'failed' },
      },
      done: wait('Verified'),
      failed: wait('Failed'),
      bye: { type: 'disconnect', settings: {} },
    },
  };
}

/** Every byte the store has on disk: the database file and its write-ahead log. */
function storeBytes(dataDir: string): Buffer {
  return Buffer.concat(
    ['callflow.db', 'callflow.db-wal']
      .map((name) => join(dataDir, name))
      .filter(existsSync)
      .map((file) => readFileSync(file)),
  );
}

let work: string;
let crm: Crm;
let t: TestService | undefined;
beforeEach(async () => {
  work = mkdtempSync(join(tmpdir(), 'callflow-at-rest-'));
  crm = new Crm();
  await crm.start();
});
afterEach(async () => {
  await t?.close();
  t = undefined;
  await crm.stop();
  rmSync(work, { recursive: true, force: true });
});

async function start(env: Record<string, string> = {}): Promise<TestService> {
  t = await startTestService({ workDir: work, env });
  return t;
}

async function allowLoopback(service: TestService): Promise<void> {
  const got = await service.api().get('/api/resources').expect(200);
  const resources = { ...got.body.resources, httpAllowlist: ['127.0.0.1'] };
  await service.api().put('/api/resources').set('If-Match', got.body.etag).send(resources).expect(200);
}

const contact = async (service: TestService, id: string) =>
  (await service.api().get(`/api/contacts/${id}`).expect(200)).body;

describe('secure values at rest', () => {
  it('keeps a PIN and an API token out of the database file and its WAL; a restart mid-call still uses them', async () => {
    const first = await start();
    await allowLoopback(first);
    await first
      .api()
      .put('/api/flows/pin-at-rest')
      .set('If-None-Match', '*')
      .send(pinFlow(crm.url))
      .expect(201);
    await first.api().post('/api/flows/pin-at-rest/publish').expect(201);
    const { body } = await first
      .api()
      .post('/api/contacts')
      .send({ flow: 'pin-at-rest', to: '+12125550101' });
    const id = body.contactId as string;
    await eventually(
      () => contact(first, id),
      (c) => c.block === 'ask',
    );
    await first.api().post(`/api/contacts/${id}/events`).send({ type: 'digits', digits: SECRET_PIN });
    // The CRM has the request (PIN in its body, token in its URL) and holds the answer: the contact
    // waits for it, and the store keeps the request to send again after a crash.
    await eventually(
      async () => crm.requests.length,
      (n) => n >= 2,
    );
    expect(crm.requests[1]).toEqual({
      url: `/verify?token=${API_TOKEN}`,
      body: JSON.stringify({ pin: SECRET_PIN }),
    });
    const running = storeBytes(first.dataDir);
    expect(running.length).toBeGreaterThan(0);
    expect(running.includes(SECRET_PIN)).toBe(false);
    expect(running.includes(API_TOKEN)).toBe(false);
    // The row is there, sealed: the contact's snapshot and awaited request are not readable JSON.
    const row = first.service.db.prepare('SELECT snapshot, pending FROM contacts WHERE id = ?').get(id) as {
      snapshot: string;
      pending: string;
    };
    expect(row.snapshot).toMatch(/^cf1\.[0-9a-f]{8}\./);
    expect(row.pending).toMatch(/^cf1\.[0-9a-f]{8}\./);

    // A restart in the middle of the call: the request is sent again from the sealed copy, and the
    // CRM gets the same PIN and token.
    await first.close();
    t = undefined;
    expect(storeBytes(first.dataDir).includes(SECRET_PIN)).toBe(false);
    crm.holdVerify = false;
    const second = await start();
    const done = await eventually(
      () => contact(second, id),
      (c) => c.block === 'done',
    );
    expect(done).toMatchObject({
      block: 'done',
      variables: { verified: true, pin: '•••', apiToken: '•••', note: '•••' },
    });
    const list = (await second.api('viewer').get('/api/contacts').expect(200)).body;
    expect(JSON.stringify(list)).not.toContain(SECRET_PIN);
    expect(JSON.stringify(list)).not.toContain(API_TOKEN);
    expect(crm.requests.at(-1)).toEqual({
      url: `/verify?token=${API_TOKEN}`,
      body: JSON.stringify({ pin: SECRET_PIN }),
    });
    await second.api().post(`/api/contacts/${id}/events`).send({ type: 'digits', digits: '1' }).expect(200);
    await eventually(
      () => contact(second, id),
      (c) => c.status === 'ended',
    );
    const ended = storeBytes(second.dataDir);
    expect(ended.includes(SECRET_PIN)).toBe(false);
    expect(ended.includes(API_TOKEN)).toBe(false);
  });

  it('makes its key on first start, apart from the data directory and readable by its owner only', async () => {
    const service = await start();
    const keyFile = service.config.secretKeyFile;
    expect(keyFile.startsWith(join(service.dataDir, '/'))).toBe(false);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const key = readFileSync(keyFile, 'utf8');
    expect(key.trim()).toMatch(/^[0-9a-f]{64}$/);
    // The same key on the next start (else nothing sealed before could be opened).
    await service.close();
    t = undefined;
    await start();
    expect(readFileSync(keyFile, 'utf8')).toBe(key);
  });

  it('starts with another key, leaving out the contacts it cannot open instead of failing', async () => {
    const first = await start({ CALLFLOW_SECRET_KEY: 'a'.repeat(64) });
    await allowLoopback(first);
    await first
      .api()
      .put('/api/flows/pin-at-rest')
      .set('If-None-Match', '*')
      .send(pinFlow(crm.url))
      .expect(201);
    await first.api().post('/api/flows/pin-at-rest/publish').expect(201);
    const { body } = await first
      .api()
      .post('/api/contacts')
      .send({ flow: 'pin-at-rest', to: '+12125550101' });
    await eventually(
      () => contact(first, body.contactId),
      (c) => c.block === 'ask',
    );
    await first.close();
    t = undefined;
    const second = await start({ CALLFLOW_SECRET_KEY: 'b'.repeat(64) });
    expect(second.service.host.activeCount).toBe(0);
    await second.api().get(`/api/contacts/${body.contactId}`).expect(404);
  });

  it('seals on start-up a contact an older version stored in the clear, leaving no plain copy in the file', async () => {
    const first = await start();
    await allowLoopback(first);
    await first
      .api()
      .put('/api/flows/pin-at-rest')
      .set('If-None-Match', '*')
      .send(pinFlow(crm.url))
      .expect(201);
    await first.api().post('/api/flows/pin-at-rest/publish').expect(201);
    const { body } = await first
      .api()
      .post('/api/contacts')
      .send({ flow: 'pin-at-rest', to: '+12125550101' });
    const id = body.contactId as string;
    await eventually(
      () => contact(first, id),
      (c) => c.block === 'ask',
    );
    // As the previous version wrote it: plain JSON, a secure value inside.
    const snapshot = first.service.host.snapshot(id);
    const plain = JSON.stringify({ ...snapshot, variables: { ...snapshot?.variables, pin: SECRET_PIN } });
    first.service.db.prepare('UPDATE contacts SET snapshot = ? WHERE id = ?').run(plain, id);
    await first.close();
    t = undefined;
    expect(storeBytes(first.dataDir).includes(SECRET_PIN)).toBe(true);

    const second = await start();
    expect(storeBytes(second.dataDir).includes(SECRET_PIN)).toBe(false);
    expect(await contact(second, id)).toMatchObject({ block: 'ask', variables: { pin: '•••' } });
  });
});
