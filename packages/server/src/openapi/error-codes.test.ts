import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_ERROR_CODES, API_ROUTES, type RouteSpec, routeErrors } from '@callflow/model/api-contract';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..');

function sourceText(dir: string): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'test-support' ? '' : sourceText(path);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? readFileSync(path, 'utf8') : '';
    })
    .join('\n');
}

describe('the API error catalogue', () => {
  const source = sourceText(SRC);
  const emitted = new Set([...source.matchAll(/apiError\(\s*'([a-z_]+)'/g)].map((m) => m[1] as string));
  const routes = Object.values(API_ROUTES as Record<string, RouteSpec>);

  it('holds every code the server answers with, with the status it is answered with', () => {
    expect(emitted.size).toBeGreaterThan(20);
    expect([...emitted].filter((code) => !Object.hasOwn(API_ERROR_CODES, code))).toEqual([]);
    // The status is the catalogue's: the service builds no error with a status of its own.
    expect(source.match(/new ApiError\(/g) ?? []).toHaveLength(1);
  });

  it('holds no code that nothing answers with', () => {
    const named = new Set([...emitted, ...routes.flatMap((route) => routeErrors(route))]);
    expect(
      Object.keys(API_ERROR_CODES).filter((code) => !named.has(code as keyof typeof API_ERROR_CODES)),
    ).toEqual([]);
    // A code a route lists is one the server (or the contract's own checks) really answers with.
    const checks = new Set(routes.flatMap((route) => [route.bodyCode, route.paramsCode]));
    const unanswered = routes.flatMap((route) =>
      route.errors.filter(
        (code) =>
          !emitted.has(code) &&
          !checks.has(code) &&
          code !== 'invalid_body' &&
          code !== 'unsupported_media_type',
      ),
    );
    expect([...new Set(unanswered)]).toEqual([]);
  });
});
