import type { RouteInput, RouteSpec } from '@callflow/model/api-contract';
import type { Express, Request, Response } from 'express';
import { apiError } from './api-error.js';
import { requestProblems } from './zod-problems.js';

type Handler<R extends RouteSpec> = (input: RouteInput<R>, req: Request, res: Response) => unknown;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The body as sent, once it is known to be JSON: 415 for another media type. */
function jsonBody(req: Request): unknown {
  const body: unknown = req.body;
  if (body === undefined && req.get('content-length') !== '0' && req.get('content-type') && !req.is('json')) {
    throw apiError('unsupported_media_type', 'Send the body as JSON with "Content-Type: application/json".', {
      contentType: req.get('content-type') ?? null,
    });
  }
  return body;
}

function readBody(spec: RouteSpec, req: Request): unknown {
  const schema = spec.body;
  if (!schema) return undefined;
  const body = jsonBody(req);
  const code = spec.bodyCode ?? 'invalid_body';
  if (spec.bodyOptional && (body === undefined || (isPlainObject(body) && Object.keys(body).length === 0)))
    return undefined;
  if (!isPlainObject(body)) {
    throw apiError(code, 'The request body must be a JSON object.', { expected: 'object' });
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const problems = requestProblems(parsed.error.issues);
  throw apiError(code, problems.map((p) => p.message).join(' '), { problems });
}

function readParams(spec: RouteSpec, req: Request): unknown {
  if (!spec.params) return req.params;
  const parsed = spec.params.safeParse(req.params);
  if (parsed.success) return parsed.data;
  const problems = requestProblems(parsed.error.issues);
  const [first] = problems;
  throw apiError(spec.paramsCode ?? 'route_not_found', problems.map((p) => p.message).join(' '), {
    parameter: first?.path.slice(1) ?? null,
    problems,
  });
}

function readQuery(spec: RouteSpec, req: Request): unknown {
  if (!spec.query) return {};
  const parsed = spec.query.safeParse(req.query);
  if (parsed.success) return parsed.data;
  const problems = requestProblems(parsed.error.issues);
  const parameter = String(parsed.error.issues[0]?.path[0] ?? '');
  const value = (req.query as Record<string, unknown>)[parameter];
  throw apiError('invalid_query', problems.map((p) => p.message).join(' '), {
    parameter,
    value: typeof value === 'string' ? value : null,
    problems,
  });
}

/**
 * Registers a route from its contract: the path parameters, query and body are checked with the
 * contract's schemas before `handler` runs (a bad one is a coded 400 with a JSON pointer per problem),
 * and the handler gets them parsed and typed.
 */
export function route<R extends RouteSpec>(app: Express, spec: R, handler: Handler<R>): void {
  const method = spec.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  app[method](spec.path, (req: Request, res: Response) => {
    const input = {
      params: readParams(spec, req),
      query: readQuery(spec, req),
      body: readBody(spec, req),
    } as RouteInput<R>;
    return handler(input, req, res);
  });
}
