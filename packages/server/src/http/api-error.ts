/**
 * Every API error has the same shape: `{ code, message, details }`. `code` is stable (snake_case) and
 * listed in docs/api.md; `message` tells a person what to do; `details` carries the data a client needs
 * to recover (the current version on a conflict, the problems of a blocked publish...).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toJSON(): { code: string; message: string; details: Record<string, unknown> } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

export const notFound = (code: string, message: string, details: Record<string, unknown> = {}): ApiError =>
  new ApiError(404, code, message, details);

export const badRequest = (code: string, message: string, details: Record<string, unknown> = {}): ApiError =>
  new ApiError(400, code, message, details);
