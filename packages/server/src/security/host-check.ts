import type { RequestHandler } from 'express';
import { apiError } from '../http/api-error.js';

export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'] as const;

/** "Example.com:4310" -> "example.com"; "[::1]:4310" -> "[::1]". */
export function hostName(hostHeader: string): string {
  const value = hostHeader.trim().toLowerCase();
  if (value.startsWith('[')) {
    const end = value.indexOf(']');
    return end === -1 ? value : value.slice(0, end + 1);
  }
  const colon = value.indexOf(':');
  return colon === -1 ? value : value.slice(0, colon);
}

/**
 * DNS rebinding guard: a page on evil.example whose name later resolves to 127.0.0.1 sends
 * `Host: evil.example`. Only loopback names and the configured hosts are served; everything else gets
 * 421 (the request reached a server that will not answer for that name).
 */
export function hostAllowlist(extraHosts: readonly string[]): RequestHandler {
  const allowed = new Set<string>([...LOOPBACK_HOSTS, ...extraHosts.map((h) => hostName(h))]);
  return (req, _res, next) => {
    const header = req.get('host');
    if (!header || !allowed.has(hostName(header))) {
      throw apiError(
        'host_not_allowed',
        `The Host header "${header ?? ''}" is not allowed. Add the name to CALLFLOW_ALLOWED_HOSTS to serve it.`,
        { host: header ?? null },
      );
    }
    next();
  };
}

/** True for 127.0.0.0/8, ::1 and localhost; a non-loopback bind needs configured tokens. */
export function isLoopbackAddress(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(?:\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}
