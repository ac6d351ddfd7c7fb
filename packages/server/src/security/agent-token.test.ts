import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billingCallConnectedTo } from '../test-support/billing-calls.js';
import {
  OTHER_AGENT,
  startTestService,
  TEST_AGENT,
  type TestService,
  TOKENS,
} from '../test-support/temp-service.js';
import { parseTokenList, readTokenFile, TokenConfigError } from './tokens.js';

let t: TestService;
let base: string;
beforeAll(async () => {
  t = await startTestService();
  base = `http://127.0.0.1:${await t.service.listen()}`;
});
afterAll(async () => {
  await t.close();
});

const asAgent = () => t.api('agent');

describe('an agent token', () => {
  it('acts as its own agent only: another agent is 403 forbidden_agent and stays as it was', async () => {
    const own = await asAgent().get(`/api/agents/${TEST_AGENT}`).expect(200);
    expect(own.body).toMatchObject({ name: TEST_AGENT, state: 'Offline' });
    for (const [method, path] of [
      ['get', `/api/agents/${OTHER_AGENT.name}`],
      ['get', `/api/agents/${OTHER_AGENT.name}/desktop`],
      ['get', `/api/agents/${OTHER_AGENT.name}/contact`],
      ['post', `/api/agents/${OTHER_AGENT.name}/state`],
      ['post', `/api/agents/${OTHER_AGENT.name}/accept`],
      ['post', `/api/agents/${OTHER_AGENT.name}/hangup`],
    ] as const) {
      const test = asAgent()[method](path);
      const res = await (method === 'post' ? test.send({ state: 'Available' }) : test).expect(403);
      expect(res.body, `${method} ${path}`).toMatchObject({
        code: 'forbidden_agent',
        details: { agent: TEST_AGENT, name: OTHER_AGENT.name },
      });
    }
    const bilal = await t.api('viewer').get(`/api/agents/${OTHER_AGENT.name}`).expect(200);
    expect(bilal.body.state).toBe('Offline');
    // The other agent's own token does what alice's could not.
    await t
      .api({ token: OTHER_AGENT.token })
      .post(`/api/agents/${OTHER_AGENT.name}/state`)
      .send({ state: 'Available' })
      .expect(200);
    await t
      .api({ token: OTHER_AGENT.token })
      .post(`/api/agents/${OTHER_AGENT.name}/state`)
      .send({ state: 'Offline' })
      .expect(200);
  });

  it('reaches nothing of the designer API', async () => {
    for (const path of [
      '/api/flows',
      '/api/flows/support-inbound',
      '/api/resources',
      '/api/contacts',
      '/api/callbacks',
      '/api/agents',
      '/api/catalog',
      '/metrics',
    ]) {
      const res = await asAgent().get(path).expect(403);
      expect(res.body, path).toMatchObject({ code: 'forbidden', details: { role: 'agent' } });
    }
    await asAgent().put('/api/resources').send({}).expect(403);
    await asAgent().post('/api/contacts').send({ flow: 'support-inbound', to: '+12125550101' }).expect(403);
  });

  it("reads the desktop's subset of the resources: its allowed numbers with display names, queues, other agents", async () => {
    const res = await asAgent().get(`/api/agents/${TEST_AGENT}/desktop`).expect(200);
    expect(Object.keys(res.body).sort()).toEqual([
      'agent',
      'agents',
      'allowedCountries',
      'callerIdStrategy',
      'numbers',
      'queues',
      'wrapUpReasons',
    ]);
    expect(res.body.callerIdStrategy).toEqual({ strategy: 'queue' });
    expect(res.body.agent.phone).toBe('+12125550201');
    expect(res.body.agent).toMatchObject({
      name: TEST_AGENT,
      displayName: 'Alice Ng',
      defaultNumber: 'support',
    });
    // The sample alice.ng may present "support" and "main" only, in the order of her list.
    expect(res.body.numbers).toEqual([
      { name: 'support', number: '+12125550101', displayName: 'Northwind Support' },
      { name: 'main', number: '+12125550100', displayName: 'Northwind Main Line' },
    ]);
    expect(res.body.agents.map((a: { name: string }) => a.name)).not.toContain(TEST_AGENT);
    expect(res.body.agents).toContainEqual({
      name: 'bilal.khan',
      displayName: 'Bilal Khan',
      state: 'Offline',
    });
    expect(res.body.queues).toContainEqual({ name: 'support', displayName: 'Technical support' });
    expect(res.body.allowedCountries).toEqual(['US', 'CA']);
  });

  it('has no contact to show until one is offered (409 no_contact)', async () => {
    const res = await asAgent().get(`/api/agents/${TEST_AGENT}/contact`).expect(409);
    expect(res.body).toMatchObject({ code: 'no_contact', details: { name: TEST_AGENT } });
  });

  it("receives only its own events and agents' states: nothing of another agent's contact", async () => {
    const controller = new AbortController();
    const res = await fetch(`${base}/api/events?token=${TOKENS.agent}`, { signal: controller.signal });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    // bilal.khan takes a billing call: its offer, steps and acceptance are his, not alice's.
    const contactId = await billingCallConnectedTo(t);
    // Then alice's own change: once it arrives, everything published before it has been sent or dropped.
    await asAgent().post(`/api/agents/${TEST_AGENT}/state`).send({ state: 'Available' }).expect(200);
    let text = '';
    while (!text.includes(`"agent":"${TEST_AGENT}","state":"Available"`)) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += new TextDecoder().decode(chunk.value);
    }
    controller.abort();
    const types = [...text.matchAll(/^event: (.+)$/gm)].map((m) => m[1]);
    expect(types.length).toBeGreaterThan(0);
    expect(new Set(types)).toEqual(new Set(['agent.state']));
    expect(text).toContain('"agent":"bilal.khan","state":"Busy"');
    expect(text).not.toContain(contactId);
    expect(text).not.toContain('flow.');
  });
});

describe('agent tokens in CALLFLOW_TOKENS and the token file', () => {
  it('binds an agent token to the agent named in its fourth field, or to its own name', () => {
    expect(
      parseTokenList('desk-alice:abcdefghijklmnop1234:agent:alice.ng,bob:abcdefghijklmnop5678:agent'),
    ).toEqual([
      { name: 'desk-alice', token: 'abcdefghijklmnop1234', role: 'agent', agent: 'alice.ng' },
      { name: 'bob', token: 'abcdefghijklmnop5678', role: 'agent', agent: 'bob' },
    ]);
  });

  it('refuses an agent name on another role, a malformed agent name, and a fifth field', () => {
    expect(() => parseTokenList('ci:abcdefghijklmnop1234:editor:alice.ng')).toThrow(TokenConfigError);
    expect(() => parseTokenList('x:abcdefghijklmnop1234:agent:../etc')).toThrow(/must name its agent/);
    expect(() => parseTokenList('x:abcdefghijklmnop1234:agent:alice:more')).toThrow(TokenConfigError);
  });

  it('reads an agent entry of the token file, with or without its agent field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'callflow-tokens-'));
    const file = join(dir, 'tokens.json');
    writeFileSync(
      file,
      JSON.stringify({
        tokens: [
          { name: 'desk', token: 'abcdefghijklmnop1234', role: 'agent', agent: 'carmen.diaz' },
          { name: 'dmitri.volkov', token: 'abcdefghijklmnop5678', role: 'agent' },
        ],
      }),
    );
    expect(readTokenFile(file).map((entry) => entry.agent)).toEqual(['carmen.diaz', 'dmitri.volkov']);
    rmSync(dir, { recursive: true, force: true });
  });
});
