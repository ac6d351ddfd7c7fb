import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { ApiError } from './api-error.js';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  limit?: number;
  length?: number;
  body?: string;
}

/** Node's JSON.parse says "... at position 12" (and, on newer versions, "(line 2 column 3)"). */
function parsePosition(message: string): { position?: number; line?: number; column?: number } {
  const position = /position (\d+)/.exec(message)?.[1];
  const line = /line (\d+) column (\d+)/.exec(message);
  return {
    ...(position !== undefined ? { position: Number(position) } : {}),
    ...(line ? { line: Number(line[1]), column: Number(line[2]) } : {}),
  };
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return { line, column };
}

/** Turns body-parser failures into coded API errors; everything else unknown becomes a 500. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const e = error as BodyParserError;
  if (e?.type === 'entity.too.large') {
    return new ApiError(
      413,
      'payload_too_large',
      `The request body is larger than the limit of ${e.limit} bytes.`,
      {
        limit: e.limit,
        length: e.length,
      },
    );
  }
  if (e?.type === 'entity.parse.failed') {
    const where = parsePosition(e.message);
    if (where.position !== undefined && where.line === undefined && typeof e.body === 'string') {
      Object.assign(where, lineAndColumn(e.body, where.position));
    }
    return new ApiError(400, 'invalid_json', `The request body is not valid JSON: ${e.message}`, where);
  }
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') {
    return new ApiError(415, 'unsupported_encoding', e.message);
  }
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    return new ApiError(e.status, 'bad_request', e.message);
  }
  return new ApiError(
    500,
    'internal_error',
    'Something went wrong on the server; the details are in its log.',
  );
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
  next(new ApiError(404, 'route_not_found', `No route ${req.method} ${req.path}. See /api/openapi.json.`));
};
