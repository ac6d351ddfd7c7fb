import type { z } from 'zod';
import type { ApiErrorCode } from './error-codes.js';
import type { RouteRoles } from './roles.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One answer of a route: a JSON schema for its body, or another media type, or no body (204). */
export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** `application/json` unless said (metrics are text, the event stream `text/event-stream`). */
  contentType?: string;
}

/** A request header a route reads (the precondition headers of the document routes). */
export interface HeaderSpec {
  name: string;
  description: string;
}

/**
 * One route of the HTTP API, written once: the server validates requests with its schemas, the OpenAPI
 * document is generated from it, and the designer takes its answer types from it (types only).
 */
export interface RouteSpec {
  method: HttpMethod;
  /** The express path, `:param` style. */
  path: string;
  summary: string;
  /** Who may call it: token roles, or `public` for no token (health, the designer's files). */
  roles: RouteRoles;
  /** Why these roles, when it is not plain (docs/security.md's table shows it). */
  rolesNote?: string;
  params?: z.ZodObject;
  /** The code of a path parameter that fails `params` (default `invalid_body` would be wrong). */
  paramsCode?: ApiErrorCode;
  query?: z.ZodObject;
  headers?: readonly HeaderSpec[];
  /** The code of a body that fails `body` (default `invalid_body`). */
  bodyCode?: ApiErrorCode;
  /** The JSON body; absent for routes that take none. */
  body?: z.ZodType;
  /** A body that is not JSON (a recording's bytes): its media types, for the OpenAPI document. */
  rawBody?: { description: string; contentTypes: readonly string[]; schema: z.ZodType };
  /** No body (or `{}`) is accepted too. */
  bodyOptional?: boolean;
  responses: Readonly<Record<number, ResponseSpec>>;
  /** The codes this route itself answers with (the gate's codes are added to every route). */
  errors: readonly ApiErrorCode[];
}

/** Keeps the literal types of a route (its schemas) for the server's handler and the designer's types. */
export function defineRoute<const R extends RouteSpec>(route: R): R {
  return route;
}

type SchemaOf<R extends RouteSpec, S extends number> = R['responses'][S] extends { schema: infer T }
  ? T extends z.ZodType
    ? T
    : never
  : never;

/** The body of a route's answer with status `S` (200 unless said), as the designer reads it. */
export type ResponseOf<R extends RouteSpec, S extends number = 200> = z.output<SchemaOf<R, S>>;

/** The body a route takes, as a client sends it. */
export type RequestBodyOf<R extends RouteSpec> = R['body'] extends z.ZodType ? z.input<R['body']> : never;

/** What a handler receives once the request passed the route's schemas. */
export interface RouteInput<R extends RouteSpec> {
  params: R['params'] extends z.ZodObject ? z.output<R['params']> : Record<string, string>;
  query: R['query'] extends z.ZodObject ? z.output<R['query']> : Record<string, never>;
  body: R['body'] extends z.ZodType
    ? R['bodyOptional'] extends true
      ? z.output<R['body']> | undefined
      : z.output<R['body']>
    : undefined;
}
