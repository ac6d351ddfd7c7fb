import { API_ERROR_CODES as errorCodes, openApiPath } from '@callflow/model/api-contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_ROLES } from '../security/route-roles.js';
import { registeredRoutes } from '../test-support/registered-routes.js';
import { startTestService, type TestService } from '../test-support/temp-service.js';
import { openApiDocument } from './document.js';

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
});
afterAll(async () => {
  await t.close();
});

/** "METHOD /path/{param}" for every route express really has. */
function expressRoutes(): string[] {
  return registeredRoutes(t.service.app).map((route) => route.replace(/:(\w+)/g, '{$1}'));
}

function documentedRoutes(): string[] {
  return Object.entries(openApiDocument.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((key) => key !== 'parameters')
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
}

describe('OpenAPI document', () => {
  it('shows on every operation the roles the service enforces for it (x-roles; none when public)', async () => {
    const served = await t.api().get('/api/openapi.json').expect(200);
    const wrong: string[] = [];
    for (const row of ROUTE_ROLES) {
      if (row.path.startsWith('/twilio/')) continue; // Twilio's signed webhooks: not part of the API
      const operation = served.body.paths[openApiPath(row.path)]?.[row.method.toLowerCase()];
      const expected = row.access === 'public' ? [] : [...row.access];
      if (JSON.stringify(operation?.['x-roles']) !== JSON.stringify(expected))
        wrong.push(`${row.method} ${row.path}: ${JSON.stringify(operation?.['x-roles'])}`);
      if (row.access === 'public' && JSON.stringify(operation?.security) !== '[]')
        wrong.push(`${row.method} ${row.path}: public but asks for a token`);
    }
    expect(wrong).toEqual([]);
    expect(served.body.paths['/api/flows/{id}/rollback'].post['x-roles']).toEqual(['admin']);
  });

  it('describes every route express serves, and nothing else', () => {
    expect(new Set(documentedRoutes())).toEqual(new Set(expressRoutes()));
  });

  it('is served at /api/openapi.json as OpenAPI 3.1', async () => {
    const res = await t.api().get('/api/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toContain('/api/flows/{id}');
  });

  it('lists each error code with an HTTP error status', () => {
    for (const [code, info] of Object.entries(errorCodes)) {
      expect(code).toMatch(/^[a-z]+(?:_[a-z]+)*$/);
      expect(info.status).toBeGreaterThanOrEqual(400);
    }
  });
});
