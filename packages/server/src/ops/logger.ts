import pino, { type DestinationStream, type Logger } from 'pino';
import { type LogHealth, logDestination } from './log-destination.js';

/**
 * Tokens and variable values never reach the log: the Authorization header, token query parameters
 * and anything called token, value, variables or snapshot are censored before a line is written.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'headers.authorization',
  'authorization',
  'token',
  '*.token',
  'tokens',
  'value',
  '*.value',
  'variables',
  '*.variables',
  'snapshot',
  '*.snapshot',
];

/**
 * The service's logger. With `health`, lines go to stdout through {@link logDestination}: a write that
 * fails (a full disk) is counted there and never crashes the service.
 */
export function createLogger(
  options: { level?: string; destination?: DestinationStream; health?: LogHealth } = {},
): Logger {
  const destination = options.destination ?? (options.health ? logDestination(options.health) : undefined);
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'callflow-server' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

/** Query parameter names whose values are credentials, compared once decoded and lower-cased. */
const SECRET_PARAMETER = /token|secret|password|signature|^(api[-_]?)?key$|^auth(orization)?$/;

/**
 * Censors credential parameters of a URL before it is logged. Names are compared as the query parser
 * reads them (percent- and plus-decoded, any casing), because that is what authenticates: a literal
 * match on `token=` let `?%74oken=` through in clear. A name that does not decode is censored whole.
 */
export function redactUrl(url: string): string {
  const queryAt = url.indexOf('?');
  if (queryAt < 0) return url;
  const parameters = url
    .slice(queryAt + 1)
    .split('&')
    .map((part) => {
      const equals = part.indexOf('=');
      const rawName = equals < 0 ? part : part.slice(0, equals);
      const name = decodedName(rawName);
      if (name === undefined) return '[redacted]';
      return equals >= 0 && SECRET_PARAMETER.test(name.trim().toLowerCase()) ? `${rawName}=[redacted]` : part;
    });
  return `${url.slice(0, queryAt)}?${parameters.join('&')}`;
}

function decodedName(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}
