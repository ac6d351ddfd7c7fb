import { checkHttpTarget } from '../rules/index.js';
import type { Command, ContactEventBody } from '../types.js';

export type HttpRequestCommand = Extract<Command, { type: 'httpRequest' }>;

/**
 * Raised by a host's connection code when the address a host name resolved to may not be called (a
 * name pointing at 127.0.0.1, say). The executor answers it like a refused URL: `request refused: ...`.
 */
export class HttpTargetRefused extends Error {
  override name = 'HttpTargetRefused';
}

/** The refusal behind a failed fetch: fetch wraps connection errors in a TypeError with a `cause`. */
function refusalIn(error: unknown): HttpTargetRefused | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof HttpTargetRefused || e.name === 'HttpTargetRefused') return e as HttpTargetRefused;
  }
  return undefined;
}

export interface HttpExecutorOptions {
  /** The fetch to use (`globalThis.fetch` in Node 20 and browsers; a fake in tests). */
  fetch: typeof fetch;
  /** `resources.httpAllowlist`: hosts exempt from the private-address guard. */
  allowlist?: readonly string[];
}

/**
 * Carries out an `httpRequest` command for a host: the address guard again (the command may have been
 * stored and replayed), an abort after `timeoutSeconds`, and a hard cap on the bytes read. Never throws:
 * every failure becomes the `httpResult` event the waiting block expects.
 */
export async function executeHttpRequest(
  command: HttpRequestCommand,
  options: HttpExecutorOptions,
): Promise<ContactEventBody> {
  const result = (fields: { status?: number; body?: string; error?: string }): ContactEventBody => ({
    type: 'httpResult',
    ref: command.ref,
    ...fields,
  });
  const target = checkHttpTarget(command.url, options.allowlist ?? []);
  if (!target.ok) return result({ error: `request refused: ${target.reason}` });
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), command.timeoutSeconds * 1000);
  try {
    const init: RequestInit = {
      method: command.method,
      headers: withIdempotencyKey(command),
      signal: controller.signal,
      redirect: 'manual',
    };
    if (command.body !== undefined) init.body = command.body;
    const response = await options.fetch(command.url, init);
    const body = await readCapped(response, command.maxResponseBytes);
    if (body === undefined)
      return result({
        status: response.status,
        error: `response larger than ${command.maxResponseBytes} bytes`,
      });
    return result({ status: response.status, body });
  } catch (error) {
    const refused = refusalIn(error);
    if (refused) return result({ error: `request refused: ${refused.message}` });
    if (controller.signal.aborted) return result({ error: 'timeout' });
    return result({ error: `request failed: ${error instanceof Error ? error.message : String(error)}` });
  } finally {
    clearTimeout(timer);
  }
}

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/**
 * The request's headers with an `Idempotency-Key` naming this contact's step: the command's ref
 * (`<contact id>:<sequence>`), kept in the contact's snapshot and its stored pending commands. A request
 * whose answer never came is sent again after a crash (at least once), with the same key, so a receiver
 * can recognise the repeat; another step or another contact has another key. A key the flow sets itself
 * is kept.
 */
export function withIdempotencyKey(command: HttpRequestCommand): Record<string, string> {
  const own = Object.keys(command.headers).some((name) => name.toLowerCase() === 'idempotency-key');
  return own ? command.headers : { ...command.headers, [IDEMPOTENCY_KEY_HEADER]: `callflow:${command.ref}` };
}

/** Reads the body up to `max` bytes; undefined when it is larger (the rest is never downloaded). */
async function readCapped(response: Response, max: number): Promise<string | undefined> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > max) {
    await response.body?.cancel();
    return undefined;
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}
