import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { locateSyntaxError } from '../store/flow-checks.js';
import { ApiError, apiError } from './api-error.js';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  limit?: number;
  length?: number;
  body?: string;
}

/** Node 20's JSON.parse message sometimes says "at position 12"; the model's parser gives line and column. */
function whereIs(
  message: string,
  body: string | undefined,
): { position?: number; line?: number; column?: number } {
  const position = /position (\d+)/.exec(message)?.[1];
  const located = typeof body === 'string' ? locateSyntaxError(body) : undefined;
  return {
    ...(position !== undefined ? { position: Number(position) } : {}),
    ...(located ?? {}),
  };
}

/** Turns body-parser failures into coded API errors; everything else unknown becomes a 500. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const e = error as BodyParserError;
  if (e?.type === 'entity.too.large') {
    return apiError('payload_too_large', `The request body is larger than the limit of ${e.limit} bytes.`, {
      limit: e.limit,
      length: e.length,
    });
  }
  if (e?.type === 'entity.parse.failed') {
    const where = whereIs(e.message, e.body);
    return apiError('invalid_json', `The request body is not valid JSON: ${e.message}`, where);
  }
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') {
    return apiError('unsupported_encoding', e.message);
  }
  // The center's database did not answer: nothing of the request was carried out; retrying is safe.
  if ((error as { code?: unknown })?.code === 'database_unavailable') {
    return apiError('database_unavailable', (error as Error).message);
  }
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    return apiError('bad_request', e.message, { status: e.status });
  }
  return apiError('internal_error', 'Something went wrong on the server; the details are in its log.');
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const apiError = toApiError(error);
    if (apiError.status >= 500)
      logger.error({ err: error, method: req.method, url: req.path }, 'request failed');
    if (res.headersSent) return;
    res.status(apiError.status).json(apiError.toJSON());
  };
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(apiError('route_not_found', `No route ${req.method} ${req.path}. See /api/openapi.json.`));
};
