import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { API_ROUTES } from './index.js';
import type { RouteSpec } from './route.js';

/** JSON pointers (from the answer's root) of the objects in `schema` that accept fields they do not name. */
function openObjects(schema: z.ZodType): string[] {
  const open: string[] = [];
  const seen = new Set<unknown>();
  const visit = (node: unknown, at: string): void => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const def = (node as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    if (def.type === 'object') {
      const catchall = (def.catchall as { _zod?: { def?: { type?: string } } } | undefined)?._zod?.def?.type;
      if (catchall !== 'never') open.push(at || '/');
      for (const [key, inner] of Object.entries(def.shape as Record<string, unknown>))
        visit(inner, `${at}/${key}`);
      return;
    }
    // Arrays, unions, optionals, records, pipes...: every schema the definition holds, at the same place
    // (an item of a list shows as `/*`).
    for (const [key, value] of Object.entries(def)) {
      const where = key === 'element' || key === 'valueType' ? `${at}/*` : at;
      if (Array.isArray(value)) for (const item of value) visit(item, where);
      else visit(value, where);
    }
  };
  visit(schema, '');
  return open;
}

describe('the answers of the API contract', () => {
  it('name every field they may have: a route that answers another one fails the contract test', () => {
    const open: string[] = [];
    for (const [name, route] of Object.entries(API_ROUTES as Record<string, RouteSpec>)) {
      for (const [status, answer] of Object.entries(route.responses)) {
        if (!answer.schema) continue;
        for (const at of openObjects(answer.schema)) open.push(`${name} ${status} ${at}`);
      }
    }
    // The OpenAPI document is described by OpenAPI 3.1 itself, not by this contract.
    expect(open).toEqual(['openApi 200 /']);
  });

  it('finds an object that accepts any field, however deep', () => {
    const loose = z.strictObject({ list: z.array(z.strictObject({ inner: z.object({ a: z.string() }) })) });
    expect(openObjects(loose)).toEqual(['/list/*/inner']);
    expect(openObjects(z.array(z.looseObject({})).optional())).toEqual(['/*']);
  });
});
