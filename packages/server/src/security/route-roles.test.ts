import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_ERROR_CODES, API_ROUTES, type RouteSpec, routeErrors } from '@callflow/model/api-contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredRoutes } from '../test-support/registered-routes.js';
import {
  REPO_ROOT,
  startTestService,
  TEST_AGENT,
  type TestService,
  TOKENS,
} from '../test-support/temp-service.js';
import { ROUTE_ROLES, roleTableMarkdown } from './route-roles.js';
import { ROLES } from './tokens.js';

let t: TestService;
beforeAll(async () => {
  // Every route is called without a token too: more failed authentications than the default limit.
  t = await startTestService({ env: { CALLFLOW_AUTH_FAILURES_PER_MINUTE: '1000' } });
});
afterAll(async () => {
  await t.close();
});

const routesOfApp = () => registeredRoutes(t.service.app);

const rowOf = (route: string) => ROUTE_ROLES.find((row) => `${row.method} ${row.path}` === route);
// Twilio's webhooks live in a router of their own, mounted only when Twilio is configured.
const SUB_ROUTER_ROWS = new Set(['POST /twilio/*', 'GET /twilio/prompts/:file']);

/**
 * A request that changes nothing when allowed: made-up ids, an empty object as the body. An agent token
 * names its own agent in /api/agents/:name routes (another agent is refused apart, as forbidden_agent).
 */
function call(route: string, token: string | undefined, role?: string) {
  const [method = 'GET', path = '/'] = route.split(' ');
  const own = role === 'agent' ? path.replace(/^\/api\/agents\/:name/, `/api/agents/${TEST_AGENT}`) : path;
  const url = own.replace(/:(\w+)/g, 'no-such-$1');
  const agent = t.api();
  const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  const test = agent[verb](url);
  if (token === undefined) test.unset('Authorization');
  else test.set('Authorization', `Bearer ${token}`);
  return method === 'GET' ? test : test.send({});
}

describe('the role table', () => {
  it('has one row for every route the app registers, and no row for a route it does not have', () => {
    const registered = routesOfApp();
    const missing = registered.filter((route) => !rowOf(route));
    expect(missing, 'routes without a row in ROUTE_ROLES').toEqual([]);
    const rows = ROUTE_ROLES.map((row) => `${row.method} ${row.path}`).filter((r) => !SUB_ROUTER_ROWS.has(r));
    expect(new Set(rows)).toEqual(new Set(registered));
    expect(new Set(rows).size).toBe(rows.length);
  });

  it('is the table docs/security.md publishes', () => {
    const docs = readFileSync(join(REPO_ROOT, 'docs', 'security.md'), 'utf8');
    expect(docs).toContain(roleTableMarkdown());
  });

  // Every registered route, called with every role and with no token: refused with 403 `forbidden`
  // exactly when the roles its contract entry declares leave the role out (an allowed call may still
  // fail for its made-up ids or empty body), and the refusal is one the contract documents for it.
  const routes = (): string[] => routesOfApp().filter((route) => route !== 'GET /api/events');
  it("lets each role call exactly the routes whose contract entry names it, and refuses the others' tokens", async () => {
    const wrong: string[] = [];
    const contract = new Map(
      Object.values(API_ROUTES as Record<string, RouteSpec>).map((spec) => [
        `${spec.method} ${spec.path}`,
        spec,
      ]),
    );
    for (const route of routes()) {
      const spec = contract.get(route);
      if (!spec) wrong.push(`${route}: not in the API contract`);
      const row = rowOf(route);
      expect(row?.access).toEqual(spec?.roles);
      for (const role of ROLES) {
        const res = await call(route, TOKENS[role], role);
        const allowed = spec?.roles === 'public' || spec?.roles.includes(role) === true;
        const refused = res.status === 403 && res.body.code === 'forbidden';
        if (allowed === refused) wrong.push(`${route} as ${role}: ${res.status} ${res.body.code ?? ''}`);
        if (refused && (!spec || !routeErrors(spec).includes('forbidden')))
          wrong.push(`${route} as ${role}: forbidden is not among the codes the contract lists for it`);
      }
      const anonymous = await call(route, undefined);
      if ((row?.access === 'public') === (anonymous.status === 401))
        wrong.push(`${route} without a token: ${anonymous.status}`);
    }
    expect(wrong).toEqual([]);
    expect(API_ERROR_CODES.forbidden.status).toBe(403);
  });

  it('keeps rollback and resource writes to admins: an editor cannot roll back a live flow', async () => {
    await t.api().post('/api/flows/sales-inbound/publish').send({ withDependencies: true }).expect(201);
    await t.api().post('/api/flows/sales-inbound/publish').expect(201);
    const refused = await t
      .api('editor')
      .post('/api/flows/sales-inbound/rollback')
      .send({ version: 1 })
      .expect(403);
    expect(refused.body).toMatchObject({ code: 'forbidden', details: { role: 'editor' } });
    const versions = await t.api('editor').get('/api/flows/sales-inbound/versions').expect(200);
    expect(versions.body.find((v: { live: boolean }) => v.live).version).toBe(2);
    await t.api('admin').post('/api/flows/sales-inbound/rollback').send({ version: 1 }).expect(200);

    const resources = await t.api('editor').get('/api/resources').expect(200);
    const changed = { ...resources.body.resources, httpAllowlist: ['10.0.0.1'] };
    await t
      .api('editor')
      .put('/api/resources')
      .set('If-Match', resources.body.etag)
      .send(changed)
      .expect(403);
    const after = await t.api('viewer').get('/api/resources').expect(200);
    expect(after.body.etag).toBe(resources.body.etag);
  });
});
