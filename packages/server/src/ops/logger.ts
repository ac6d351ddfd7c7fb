import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Tokens and variable values never reach the log: the Authorization header, `?token=` query strings
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

export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'callflow-server' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}

/** Drops `?token=...` from a URL before it is logged. */
export function redactUrl(url: string): string {
  return url.replace(/([?&]token=)[^&]*/gi, '$1[redacted]');
}
