/**
 * Every API error has the same shape: `{ code, message, details }`. `code` is stable (snake_case) and
 * catalogued (error-codes.ts, docs/errors.md); `message` tells a person what to do; `details` carries the
 * data a client needs to recover (the current version on a conflict, the problems of a blocked
 * publish...). One class for both sides: the server throws it, the designer's client rebuilds it from
 * an answer. No zod and no catalogue here, so the designer's bundle takes only this class.
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
