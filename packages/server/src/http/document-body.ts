import { MAX_FLOW_FILE_BYTES, parseDocumentBytes } from '@callflow/model';
import express, { type RequestHandler } from 'express';
import { apiError } from './api-error.js';

export const JSON_TYPES = ['application/json', 'application/*+json'];

/** The routes whose body is a whole flow, flow test or resources document. */
const DOCUMENT_ROUTES: readonly [string, RegExp][] = [
  ['PUT', /^\/api\/flows\/[^/]+\/?$/i],
  ['PUT', /^\/api\/flows\/[^/]+\/tests\/[^/]+\/?$/i],
  ['POST', /^\/api\/flows\/[^/]+\/validate\/?$/i],
  ['PUT', /^\/api\/resources\/?$/i],
];

/**
 * Reads the body of a document route as raw bytes and parses it with the model's `parseDocumentBytes`,
 * the reader `callflow validate` uses for files: invalid UTF-8, repeated keys, nesting deeper than the
 * model's limit and oversized documents get the CLI's codes (CF001, CF002) in a 400 `invalid_json`,
 * never a silent replacement character, a lost value or a stack overflow. Mounted before express.json,
 * which then leaves these bodies alone.
 */
export function documentBodies(limit: string): RequestHandler {
  const raw = express.raw({ limit, type: JSON_TYPES });
  return (req, res, next) => {
    if (!DOCUMENT_ROUTES.some(([method, path]) => method === req.method && path.test(req.path))) {
      next();
      return;
    }
    raw(req, res, (error?: unknown) => {
      if (error) {
        next(error);
        return;
      }
      if (!Buffer.isBuffer(req.body)) {
        next(); // no body, or not sent as JSON: the route says what it expects
        return;
      }
      if (req.body.length === 0) {
        req.body = undefined;
        next();
        return;
      }
      const doc = parseDocumentBytes(req.body, { maxBytes: MAX_FLOW_FILE_BYTES });
      // A top level that is not an object is the route's to refuse (400 invalid_body, as before).
      const problems = doc.problems.filter((p) => p.code !== 'CF004');
      const first = problems[0];
      if (first) {
        next(
          apiError('invalid_json', `The request body is not valid JSON: ${first.message}`, {
            problems,
            ...(first.line !== undefined ? { line: first.line, column: first.column } : {}),
          }),
        );
        return;
      }
      req.body = doc.value;
      next();
    });
  };
}
