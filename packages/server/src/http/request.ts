import type { Request } from 'express';
import { ApiError } from './api-error.js';

export function requireObjectBody(req: Request, what: string): Record<string, unknown> {
  const body: unknown = req.body;
  if (body === undefined && req.get('content-length') !== '0' && req.get('content-type') && !req.is('json')) {
    throw new ApiError(
      415,
      'unsupported_media_type',
      'Send the body as JSON with "Content-Type: application/json".',
      {
        contentType: req.get('content-type') ?? null,
      },
    );
  }
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ApiError(400, 'invalid_body', `The request body must be a JSON object (${what}).`, {
      expected: 'object',
    });
  }
  return body as Record<string, unknown>;
}

/** Reads a route parameter; express 5 types them as string | string[]. */
export function param(req: Request, name: string): string {
  const value = req.params[name];
  return Array.isArray(value) ? value.join('/') : String(value ?? '');
}

type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'any';

/**
 * Checks the fields of a small request body (everything except flows and resources, which have JSON
 * Schemas of their own). Every problem is listed, each with its JSON pointer.
 */
export function checkFields<T>(
  body: Record<string, unknown>,
  fields: Record<
    string,
    { type: FieldType; required?: boolean; maxLength?: number; enum?: readonly string[] }
  >,
): T {
  const problems: { path: string; message: string }[] = [];
  for (const [name, rule] of Object.entries(fields)) {
    const value = body[name];
    if (value === undefined) {
      if (rule.required) problems.push({ path: `/${name}`, message: `"${name}" is required.` });
      continue;
    }
    const ok =
      rule.type === 'any' ||
      (rule.type === 'integer' ? Number.isInteger(value) : typeof value === rule.type) ||
      (rule.type === 'number' && typeof value === 'number' && Number.isFinite(value));
    if (!ok) {
      problems.push({
        path: `/${name}`,
        message: `"${name}" must be ${rule.type === 'integer' ? 'an integer' : `a ${rule.type}`}.`,
      });
      continue;
    }
    if (rule.maxLength !== undefined && typeof value === 'string' && value.length > rule.maxLength) {
      problems.push({ path: `/${name}`, message: `"${name}" holds at most ${rule.maxLength} characters.` });
    }
    if (rule.enum && !rule.enum.includes(value as string)) {
      problems.push({ path: `/${name}`, message: `"${name}" must be one of ${rule.enum.join(', ')}.` });
    }
  }
  for (const name of Object.keys(body)) {
    if (!(name in fields)) problems.push({ path: `/${name}`, message: `"${name}" is not a known field.` });
  }
  if (problems.length > 0) {
    throw new ApiError(400, 'invalid_body', problems.map((p) => p.message).join(' '), { problems });
  }
  return body as T;
}

export function preconditionsOf(req: Request): { ifMatch?: string; ifNoneMatch?: string } {
  const result: { ifMatch?: string; ifNoneMatch?: string } = {};
  const ifMatch = req.get('if-match');
  const ifNoneMatch = req.get('if-none-match');
  if (ifMatch) result.ifMatch = ifMatch;
  if (ifNoneMatch) result.ifNoneMatch = ifNoneMatch;
  return result;
}
