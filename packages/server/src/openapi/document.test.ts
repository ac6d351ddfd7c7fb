import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../test-support/temp-service.js';
import { openApiDocument } from './document.js';
import { errorCodes } from './error-codes.js';

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
});
afterAll(async () => {
  await t.close();
});

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

/** "METHOD /path/{param}" for every route express really has. */
function expressRoutes(): string[] {
  const stack = (t.service.app as unknown as { router: { stack: Layer[] } }).router.stack;
  return stack.flatMap((layer) => {
    if (!layer.route) return [];
    const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
    return paths.flatMap((path) =>
      Object.keys(layer.route?.methods ?? {})
        .filter((m) => m !== '_all')
        .map((m) => `${m.toUpperCase()} ${path.replace(/:(\w+)/g, '{$1}')}`),
    );
  });
}

function documentedRoutes(): string[] {
  return Object.entries(openApiDocument.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((key) => key !== 'parameters')
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
}

describe('OpenAPI document', () => {
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
