import { checkHttpTarget } from '../rules/index.js';
import { fillPlaceholders, operandValue } from '../rules/placeholders.js';
import { defineBehaviour } from './behaviour.js';
import { adapterFailure, isTimer, num } from './common.js';

interface HttpRequestSettings {
  method?: string;
  url?: string;
  headers?: Record<string, string>;
  body?: Record<string, unknown>;
  timeoutSeconds?: number;
  maxResponseBytes?: number;
  responseMapping?: { pointer?: string; variable?: string }[];
}

/**
 * Asks the host to call a web service (the host runs it with `executeHttpRequest`: timeout, size cap,
 * the same address guard). Refused targets never leave the engine. 2xx: response values are copied into
 * variables; other statuses, unreadable bodies and failed mappings: `error`; no answer in time: `timeout`.
 */
export const httpRequest = defineBehaviour<HttpRequestSettings>({
  type: 'httpRequest',
  enter(ctx) {
    const s = ctx.settings;
    const url = fillPlaceholders(s.url ?? '', ctx.lookup, encodeURIComponent);
    const target = checkHttpTarget(url, ctx.env.resources.httpAllowlist ?? []);
    if (!target.ok) return { outcome: 'error', note: `request refused: ${target.reason}` };
    const body = s.body
      ? JSON.stringify(
          Object.fromEntries(
            Object.entries(s.body).map(([k, v]) => [k, operandValue(v, ctx.lookup) ?? null]),
          ),
        )
      : undefined;
    const timeoutSeconds = Math.min(num(s.timeoutSeconds, 5), 10);
    const ref = ctx.emit({
      type: 'httpRequest',
      method: s.method ?? 'GET',
      url,
      headers: { ...(s.headers ?? {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body } : {}),
      timeoutSeconds,
      maxResponseBytes: num(s.maxResponseBytes, 65536),
    });
    return { wait: { ref, timerId: ctx.startTimer(timeoutSeconds, 'httpTimeout') } };
  },
  resume(ctx, wait, event) {
    const s = ctx.settings;
    if (isTimer(wait, event))
      return { outcome: 'timeout', note: `no answer within ${num(s.timeoutSeconds, 5)} s` };
    if (event.type === 'httpResult' && event.ref === wait.ref) {
      ctx.cancelTimer(wait.timerId);
      if (event.status !== undefined) ctx.contact.system.httpStatus = event.status;
      if (event.error !== undefined)
        return { outcome: event.error === 'timeout' ? 'timeout' : 'error', note: event.error };
      const status = event.status ?? 0;
      if (status < 200 || status > 299) return { outcome: 'error', note: `HTTP status ${status}` };
      const mapping = s.responseMapping ?? [];
      if (mapping.length === 0) return { outcome: 'success' };
      const raw = event.body ?? '';
      if (new TextEncoder().encode(raw).length > num(s.maxResponseBytes, 65536)) {
        return { outcome: 'error', note: 'the response is larger than maxResponseBytes' };
      }
      let document: unknown;
      try {
        document = JSON.parse(raw);
      } catch {
        return { outcome: 'error', note: 'the response is not JSON' };
      }
      for (const { pointer, variable } of mapping) {
        if (typeof pointer !== 'string' || typeof variable !== 'string') continue;
        const found = atPointer(document, pointer);
        if (!found.ok) return { outcome: 'error', note: `nothing at ${pointer} in the response` };
        const stored = ctx.assign(variable, found.value);
        if (!stored.ok)
          return { outcome: 'error', note: `${variable} not set from ${pointer}: ${stored.reason}` };
      }
      return { outcome: 'success' };
    }
    return adapterFailure(wait, event);
  },
});

/** RFC 6901 JSON pointer lookup. */
export function atPointer(document: unknown, pointer: string): { ok: true; value: unknown } | { ok: false } {
  if (pointer === '') return { ok: true, value: document };
  let node: unknown = document;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^(0|[1-9]\d*)$/.test(key) && Number(key) < node.length)
      node = node[Number(key)];
    else if (node !== null && typeof node === 'object' && !Array.isArray(node) && Object.hasOwn(node, key)) {
      node = (node as Record<string, unknown>)[key];
    } else return { ok: false };
  }
  return { ok: true, value: node };
}
