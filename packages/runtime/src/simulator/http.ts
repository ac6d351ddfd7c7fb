import type { Command, ContactEventBody } from '../types.js';

export interface CannedResponse {
  status?: number;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  delaySeconds?: number;
  /** Simulates a network failure ("timeout" makes the block take `timeout`). */
  error?: string;
}

/** Canned answers by `"METHOD url"` (or by URL alone), or a function of the request. */
export type CannedHttp =
  | Record<string, CannedResponse>
  | ((request: Extract<Command, { type: 'httpRequest' }>) => CannedResponse | undefined);

export function cannedResponse(
  http: CannedHttp | undefined,
  request: Extract<Command, { type: 'httpRequest' }>,
): { delaySeconds: number; event: ContactEventBody } {
  const found =
    typeof http === 'function'
      ? http(request)
      : (http?.[`${request.method} ${request.url}`] ?? http?.[request.url]);
  const response = found ?? { status: 404, body: { error: 'no canned response for this request' } };
  const delaySeconds = response.delaySeconds ?? 0;
  if (response.error !== undefined)
    return { delaySeconds, event: { type: 'httpResult', ref: request.ref, error: response.error } };
  const body =
    typeof response.body === 'string'
      ? response.body
      : response.body === undefined
        ? ''
        : JSON.stringify(response.body);
  return {
    delaySeconds,
    event: { type: 'httpResult', ref: request.ref, status: response.status ?? 200, body },
  };
}
