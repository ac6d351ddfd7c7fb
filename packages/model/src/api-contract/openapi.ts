/**
 * The OpenAPI 3.1 document, generated from the route contract: the same schemas the server validates
 * requests with and the designer takes its types from. Named schemas (`.meta({ id })`) become
 * components; flows, tests and resources point at their published JSON Schemas.
 */
import { z } from 'zod';
import { API_ERROR_CODES, type ApiErrorCode } from './error-codes.js';
import type { RouteSpec } from './route.js';
import { EXTERNAL_SCHEMAS, errorBody } from './schemas.js';

type Json = Record<string, unknown>;

/** Codes the gate in front of every route may answer with, whatever the route (docs/security.md). */
export function gateErrors(route: RouteSpec): ApiErrorCode[] {
  const codes: ApiErrorCode[] = ['host_not_allowed', 'internal_error'];
  if (route.roles === 'public') return codes;
  codes.push('unauthorized', 'invalid_token', 'forbidden', 'too_many_auth_failures');
  // A process of a center kept in PostgreSQL (docs/scaling.md): its database, or its leader, may not answer.
  codes.push('database_unavailable', 'center_not_ready', 'center_leader_unreachable');
  if (route.method !== 'GET') codes.push('too_many_writes');
  // An agent token acts only as its own agent, on every route that names one (the server's route-roles.ts).
  if (route.path.startsWith('/api/agents/:name')) codes.push('forbidden_agent');
  if (route.body) codes.push('invalid_json', 'payload_too_large', 'unsupported_encoding', 'bad_request');
  return codes;
}

/** Every code a route may answer with: its own and the gate's. */
export function routeErrors(route: RouteSpec): ApiErrorCode[] {
  return [...new Set([...route.errors, ...gateErrors(route)])];
}

/** `/api/flows/:id` -> `/api/flows/{id}`. */
export const openApiPath = (path: string): string => path.replace(/:(\w+)/g, '{$1}');

class Components {
  readonly schemas: Record<string, Json> = {};

  /** The JSON Schema of `schema`, its named parts moved to components and referred to from there. */
  convert(schema: z.ZodType, io: 'input' | 'output'): Json {
    const converted = z.toJSONSchema(schema, {
      target: 'draft-2020-12',
      io,
      unrepresentable: 'any',
      override: ({ zodSchema, jsonSchema }) => {
        const url = EXTERNAL_SCHEMAS.get(zodSchema as unknown as z.ZodType);
        if (url === undefined) return;
        const description = jsonSchema.description;
        for (const key of Object.keys(jsonSchema)) delete (jsonSchema as Json)[key];
        Object.assign(jsonSchema, { $ref: url, ...(description ? { description } : {}) });
      },
    }) as Json;
    const { $defs, $schema: _dialect, ...rest } = converted;
    for (const [name, def] of Object.entries(($defs ?? {}) as Record<string, Json>)) {
      // The same named schema read as a request (input) and as an answer (output) may differ in what
      // it leaves optional; the first one seen names the component.
      this.schemas[name] ??= relocate(def) as Json;
    }
    // A schema that is itself named converts to a bare reference to its own definition.
    return relocate(rest) as Json;
  }
}

/** `#/$defs/X` -> `#/components/schemas/X`, everywhere in a converted schema. */
function relocate(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(relocate);
  if (typeof value !== 'object' || value === null) return value;
  const out: Json = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] =
      key === '$ref' && typeof inner === 'string' && inner.startsWith('#/$defs/')
        ? `#/components/schemas/${inner.slice('#/$defs/'.length)}`
        : relocate(inner);
  }
  return out;
}

function parameters(route: RouteSpec, components: Components): Json[] {
  const list: Json[] = [];
  const from = (where: 'path' | 'query', shape: z.ZodObject | undefined) => {
    if (!shape) return;
    const schema = components.convert(shape, 'input') as { properties?: Json; required?: string[] };
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      const { description, ...rest } = property as Json;
      list.push({
        name,
        in: where,
        required: where === 'path' || (schema.required ?? []).includes(name),
        ...(description ? { description } : {}),
        schema: rest,
      });
    }
  };
  from('path', route.params);
  from('query', route.query);
  for (const header of route.headers ?? []) {
    list.push({
      name: header.name,
      in: 'header',
      required: false,
      description: header.description,
      schema: { type: 'string' },
    });
  }
  return list;
}

function operation(route: RouteSpec, components: Components): Json {
  const responses: Record<string, Json> = {};
  for (const [status, answer] of Object.entries(route.responses)) {
    const type = answer.contentType ?? 'application/json';
    responses[status] = {
      description: answer.description,
      ...(answer.schema || answer.contentType
        ? {
            content: {
              [type]: { schema: answer.schema ? components.convert(answer.schema, 'output') : {} },
            },
          }
        : {}),
    };
  }
  const errors = routeErrors(route);
  const byStatus = new Map<number, ApiErrorCode[]>();
  for (const code of errors) {
    const status = API_ERROR_CODES[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const errorSchema = components.convert(errorBody, 'output');
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[String(status)] ??= {
      description: codes.join(', '),
      content: { 'application/json': { schema: errorSchema } },
    };
  }
  const params = parameters(route, components);
  return {
    operationId: undefined,
    summary: route.summary,
    ...(route.roles === 'public' ? { security: [] } : {}),
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(route.rawBody
      ? {
          requestBody: {
            required: true,
            description: route.rawBody.description,
            content: Object.fromEntries(
              route.rawBody.contentTypes.map((type) => [
                type,
                { schema: components.convert(route.rawBody!.schema, 'input') },
              ]),
            ),
          },
        }
      : {}),
    ...(route.body
      ? {
          requestBody: {
            required: !route.bodyOptional,
            content: { 'application/json': { schema: components.convert(route.body, 'input') } },
          },
        }
      : {}),
    responses,
    'x-error-codes': errors,
    // Who may call it: enforced by the service with these very lists (403 `forbidden` for another role).
    'x-roles': route.roles === 'public' ? [] : route.roles,
    ...(route.rolesNote ? { 'x-roles-note': route.rolesNote } : {}),
  };
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: Json;
  paths: Record<string, Record<string, Json>>;
  components: { securitySchemes: Json; schemas: Record<string, Json> };
  [key: string]: unknown;
}

/** The whole document for a set of named routes (the name becomes the operationId). */
export function buildOpenApiDocument(routes: Readonly<Record<string, RouteSpec>>): OpenApiDocument {
  const components = new Components();
  const paths: Record<string, Record<string, Json>> = {};
  for (const [name, route] of Object.entries(routes)) {
    const path = openApiPath(route.path);
    const item = paths[path] ?? {};
    paths[path] = item;
    item[route.method.toLowerCase()] = { ...operation(route, components), operationId: name };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'callflow server',
      version: '1.0.0',
      description:
        'Flow store, publishing and runtime host of callflow. Every error is `{ code, message, details }`; each operation lists the codes it may answer with under `x-error-codes` and the token roles that may call it under `x-roles` (none: no token needed), and every code is under the top-level `x-error-codes` and in docs/errors.md.',
    },
    servers: [{ url: 'http://127.0.0.1:4310' }],
    security: [{ bearer: [] }],
    'x-error-codes': API_ERROR_CODES,
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: Object.fromEntries(Object.entries(components.schemas).sort(([a], [b]) => a.localeCompare(b))),
    },
  };
}
