import { API_ERROR_CODES, ApiError, type ApiErrorCode } from '@callflow/model/api-contract';

export { ApiError };

/**
 * The error the service answers with: its HTTP status is the one the catalogue gives the code
 * (model/api-contract/error-codes.ts), so a code cannot be answered with two statuses, and a code
 * missing from the catalogue does not compile.
 */
export function apiError(
  code: ApiErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): ApiError {
  return new ApiError(API_ERROR_CODES[code].status, code, message, details);
}
