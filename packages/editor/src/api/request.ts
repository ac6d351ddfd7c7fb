/** One JSON request to the server API: the token, the body, and every failure as an `ApiError`. */
import { ApiError } from '@callflow/model/api-error';
import { currentToken } from './token';

export { ApiError };

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface ApiOptions {
  base?: string;
  fetch?: Fetch;
  token?: () => string | null;
}

/** A JSON text, or bytes sent as they are (a recording) with the Content-Type given in the headers. */
export type RequestBody = string | Blob;

export type Request = <T>(
  method: string,
  path: string,
  init?: { body?: RequestBody; headers?: Record<string, string> },
) => Promise<{ body: T; etag: string | null }>;

/** A request function bound to a server (base URL, fetch, token source). */
export function createRequest(options: ApiOptions = {}): Request {
  const base = options.base ?? '';
  const doFetch: Fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const tokenOf = options.token ?? currentToken;

  return async function request<T>(
    method: string,
    path: string,
    init: { body?: RequestBody; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { Accept: 'application/json', ...init.headers };
    const token = tokenOf();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (typeof init.body === 'string') headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers,
        ...(init.body !== undefined ? { body: init.body } : {}),
      });
    } catch (error) {
      throw new ApiError(0, 'network_error', `The server cannot be reached (${(error as Error).message}).`);
    }
    const text = response.status === 204 ? '' : await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (!response.ok) {
      const error = (body ?? {}) as { code?: string; message?: string; details?: Record<string, unknown> };
      throw new ApiError(
        response.status,
        error.code ?? `http_${response.status}`,
        error.message ?? `${method} ${path} failed with status ${response.status}.`,
        error.details ?? {},
      );
    }
    return { body: body as T, etag: response.headers.get('ETag') };
  };
}
