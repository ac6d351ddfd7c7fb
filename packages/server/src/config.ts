import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from './config-error.js';
import { parseSecretKey } from './db/secret-box.js';
import { isLoopbackAddress } from './security/host-check.js';
import {
  type ApiToken,
  generateToken,
  parseTokenList,
  readTokenFile,
  TokenConfigError,
} from './security/tokens.js';
import { type TwilioConfig, twilioConfigFrom } from './telephony/twilio-config.js';

export interface ServerConfig {
  host: string;
  port: number;
  flowsDir: string;
  resourcesFile: string;
  dataDir: string;
  tokens: ApiToken[];
  /** The admin token of the start-up URL: generated when none was configured, or CALLFLOW_TOKEN. */
  startupToken?: string;
  /** Whether `startupToken` was generated at start-up (then the printed URL is the only way to learn it). */
  startupTokenGenerated?: boolean;
  allowedHosts: string[];
  corsOrigins: string[];
  /** express.json limit, e.g. "5mb". */
  bodyLimit: string;
  /** Where the editor build lives; served at / when it exists. */
  editorDist: string;
  logLevel: string;
  dbSync: 'normal' | 'full';
  /** Seconds the simulated telephony takes to play a prompt; 0 answers at once. */
  promptSeconds: number;
  /** HTTP-request blocks call out (`live`, guarded) or fail at once (`off`). */
  httpRequests: 'live' | 'off';
  /** Grace period for in-flight requests on shutdown. */
  shutdownTimeoutMs: number;
  /** Real phone calls through Twilio, when configured. */
  twilio?: TwilioConfig;
  /**
   * On the first start of a data directory (no database yet), publish every flow of the flows
   * directory that can be (CALLFLOW_PUBLISH_ON_FIRST_START, default on).
   */
  publishOnFirstStart: boolean;
  /** The simulated service's clock starts at this instant (ms) and runs at wall speed (CALLFLOW_SIM_CLOCK_START). */
  simClockStart?: number;
  /**
   * CALLFLOW_SIM_CLOCK_CONTROL=on: admins may skip the simulated service's clock forward
   * (`POST /api/sim/clock`), so browser tests reach ring timers and RONA without waiting. Off by default.
   */
  simClockControl: boolean;
  /**
   * CALLFLOW_DATABASE_URL: a postgres:// URL makes this process join the center kept in that database
   * (docs/scaling.md); absent, the embedded SQLite file in the data directory.
   */
  databaseUrl?: string;
  /** CALLFLOW_NODE_URL: how the other processes of a center reach this one (default http://127.0.0.1:<port>). */
  nodeUrl?: string;
  /** CALLFLOW_SECRET_KEY: the key sealing secure values at rest, given directly (64 hex digits). */
  secretKey?: string;
  /** Where the key is kept otherwise (made on first start): apart from the data directory. */
  secretKeyFile: string;
  /** How long an ended contact (snapshot, trace) is kept before the sweep removes it (ms). */
  contactRetentionMs: number;
  /** Connection and request limits (docs/security.md lists the defaults). */
  limits: ServiceLimits;
}

export interface ServiceLimits {
  /** A client must send its whole request head within this time (slow-header clients are cut off). */
  headersTimeoutMs: number;
  /** ... and its whole request, body included. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this time. */
  keepAliveTimeoutMs: number;
  /** Open connections at most; more are closed as they arrive. */
  maxConnections: number;
  /** Failed authentications per client address and minute before 429 `too_many_auth_failures`. */
  authFailuresPerMinute: number;
  /** Writes (anything but GET/HEAD/OPTIONS) per token and minute before 429 `too_many_writes`; 0 = off. */
  writesPerMinute: number;
  /** Open event streams per token before 429 `too_many_streams`. */
  streamsPerToken: number;
}

/** The defaults of docs/security.md: far above what the designer, its simulator and the e2e tests use. */
export const DEFAULT_LIMITS: ServiceLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1_000,
  authFailuresPerMinute: 30,
  writesPerMinute: 3_000,
  streamsPerToken: 20,
};

const LIMIT_VARIABLES: Record<keyof ServiceLimits, string> = {
  headersTimeoutMs: 'CALLFLOW_HEADERS_TIMEOUT_MS',
  requestTimeoutMs: 'CALLFLOW_REQUEST_TIMEOUT_MS',
  keepAliveTimeoutMs: 'CALLFLOW_KEEP_ALIVE_TIMEOUT_MS',
  maxConnections: 'CALLFLOW_MAX_CONNECTIONS',
  authFailuresPerMinute: 'CALLFLOW_AUTH_FAILURES_PER_MINUTE',
  writesPerMinute: 'CALLFLOW_WRITES_PER_MINUTE',
  streamsPerToken: 'CALLFLOW_STREAMS_PER_TOKEN',
};

/** Each limit from its CALLFLOW_* variable (a whole number; 0 turns the write limit off), else its default. */
function limitsFrom(env: NodeJS.ProcessEnv): ServiceLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const [key, variable] of Object.entries(LIMIT_VARIABLES) as [keyof ServiceLimits, string][]) {
    const text = env[variable];
    if (text === undefined || text === '') continue;
    const value = Number(text);
    const least = key === 'writesPerMinute' ? 0 : 1;
    if (!Number.isInteger(value) || value < least) {
      throw new ConfigError(`${variable} "${text}" must be a whole number of at least ${least}.`);
    }
    limits[key] = value;
  }
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new ConfigError('CALLFLOW_HEADERS_TIMEOUT_MS may not be longer than CALLFLOW_REQUEST_TIMEOUT_MS.');
  }
  return limits;
}

export { ConfigError } from './config-error.js';

/** How long ended contacts and their traces are kept (docs/operations.md). */
export const DEFAULT_CONTACT_RETENTION = '7d';

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `30d`, `12h`, `15m`, `90s`: a positive whole number and a unit. */
export function durationMs(text: string, name: string): number {
  const match = /^([1-9][0-9]{0,8})([smhd])$/.exec(text.trim());
  if (!match) throw new ConfigError(`${name} "${text}" is not a duration such as 7d, 12h, 30m or 90s.`);
  return Number(match[1]) * (UNIT_MS[match[2] ?? 's'] ?? 1000);
}

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export interface ConfigDefaults {
  flowsDir: string;
  editorDist: string;
}

/**
 * Reads flags first, then environment variables (CALLFLOW_*), then defaults. Refuses a non-loopback
 * bind without configured tokens: a generated token printed to a terminal is fine for one person on
 * their own machine, not for a service others can reach.
 */
export function loadConfig(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  defaults: ConfigDefaults,
): ServerConfig {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      flows: { type: 'string' },
      data: { type: 'string' },
      resources: { type: 'string' },
      tokens: { type: 'string' },
      'tokens-file': { type: 'string' },
    },
  });
  const cwd = process.cwd();
  const abs = (p: string): string => (isAbsolute(p) ? p : resolve(cwd, p));
  const flowsDir = abs(values.flows ?? positionals[0] ?? env.CALLFLOW_FLOWS_DIR ?? defaults.flowsDir);
  const host = values.host ?? env.CALLFLOW_HOST ?? '127.0.0.1';
  const portText = values.port ?? env.CALLFLOW_PORT ?? '4310';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`CALLFLOW_PORT "${portText}" is not a port number (0-65535).`);
  }

  let tokens: ApiToken[] = [];
  try {
    const tokenList = values.tokens ?? env.CALLFLOW_TOKENS;
    if (tokenList) tokens.push(...parseTokenList(tokenList));
    const tokenFile = values['tokens-file'] ?? env.CALLFLOW_TOKENS_FILE;
    if (tokenFile) tokens.push(...readTokenFile(abs(tokenFile)));
    // The fixed developer token (tests, scripts) skips the length rule, but not on a non-loopback bind.
    if (env.CALLFLOW_TOKEN) tokens.push({ name: 'admin', token: env.CALLFLOW_TOKEN, role: 'admin' });
  } catch (error) {
    if (error instanceof TokenConfigError) throw new ConfigError(error.message);
    throw error;
  }
  const configured = tokens.length > 0;
  if (env.CALLFLOW_TOKEN && env.CALLFLOW_TOKEN.length < 16 && !isLoopbackAddress(host)) {
    throw new ConfigError(`CALLFLOW_TOKEN is too short to guard ${host}: use at least 16 characters.`);
  }
  if (!configured && !isLoopbackAddress(host)) {
    throw new ConfigError(
      `Refusing to listen on ${host} without configured tokens: anyone who can reach it could change flows. ` +
        'Set CALLFLOW_TOKENS=name:token:role,... (or CALLFLOW_TOKENS_FILE), or bind 127.0.0.1.',
    );
  }
  let startupToken: string | undefined;
  if (!configured) {
    startupToken = generateToken();
    tokens = [{ name: 'startup', token: startupToken, role: 'admin' }];
  } else if (env.CALLFLOW_TOKEN) {
    startupToken = env.CALLFLOW_TOKEN;
  }

  const dataDir = abs(values.data ?? env.CALLFLOW_DATA_DIR ?? join(dirname(flowsDir), '.callflow'));
  const dbSync = (env.CALLFLOW_DB_SYNC ?? 'normal').toLowerCase();
  if (dbSync !== 'normal' && dbSync !== 'full')
    throw new ConfigError('CALLFLOW_DB_SYNC must be "normal" or "full".');
  const firstStart = (env.CALLFLOW_PUBLISH_ON_FIRST_START ?? 'on').toLowerCase();
  if (firstStart !== 'on' && firstStart !== 'off')
    throw new ConfigError('CALLFLOW_PUBLISH_ON_FIRST_START must be "on" or "off".');
  let simClockStart: number | undefined;
  if (env.CALLFLOW_SIM_CLOCK_START) {
    simClockStart = Date.parse(env.CALLFLOW_SIM_CLOCK_START);
    if (Number.isNaN(simClockStart))
      throw new ConfigError(
        `CALLFLOW_SIM_CLOCK_START "${env.CALLFLOW_SIM_CLOCK_START}" is not an instant (e.g. 2026-01-05T15:00:00Z).`,
      );
  }
  const clockControl = (env.CALLFLOW_SIM_CLOCK_CONTROL ?? 'off').toLowerCase();
  if (clockControl !== 'on' && clockControl !== 'off')
    throw new ConfigError('CALLFLOW_SIM_CLOCK_CONTROL must be "on" or "off".');
  const config: ServerConfig = {
    host,
    port,
    flowsDir,
    resourcesFile: abs(values.resources ?? env.CALLFLOW_RESOURCES_FILE ?? join(flowsDir, 'resources.json')),
    dataDir,
    tokens,
    allowedHosts: list(env.CALLFLOW_ALLOWED_HOSTS),
    corsOrigins: list(env.CALLFLOW_CORS_ORIGINS),
    bodyLimit: env.CALLFLOW_BODY_LIMIT ?? '5mb',
    editorDist: abs(env.CALLFLOW_EDITOR_DIST ?? defaults.editorDist),
    logLevel: env.CALLFLOW_LOG_LEVEL ?? 'info',
    dbSync,
    promptSeconds: Number(env.CALLFLOW_SIM_PROMPT_SECONDS ?? 0),
    httpRequests: env.CALLFLOW_HTTP_REQUESTS === 'off' ? 'off' : 'live',
    shutdownTimeoutMs: Number(env.CALLFLOW_SHUTDOWN_TIMEOUT_MS ?? 10_000),
    limits: limitsFrom(env),
    // Beside the data directory, never in it: a copy of the database is not a copy of the key.
    secretKeyFile: abs(
      env.CALLFLOW_SECRET_KEY_FILE ?? join(dirname(dataDir), `${basename(dataDir)}-keys`, 'secret.key'),
    ),
    contactRetentionMs: durationMs(
      env.CALLFLOW_CONTACT_RETENTION ?? DEFAULT_CONTACT_RETENTION,
      'CALLFLOW_CONTACT_RETENTION',
    ),
    publishOnFirstStart: firstStart === 'on',
    simClockControl: clockControl === 'on',
  };
  if (env.CALLFLOW_DATABASE_URL) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(env.CALLFLOW_DATABASE_URL);
    } catch {
      parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:'))
      throw new ConfigError(
        'CALLFLOW_DATABASE_URL must be a postgres:// URL (postgres://user:password@host:5432/db).',
      );
    config.databaseUrl = env.CALLFLOW_DATABASE_URL;
  }
  if (env.CALLFLOW_NODE_URL) config.nodeUrl = env.CALLFLOW_NODE_URL.replace(/\/$/, '');
  if (env.CALLFLOW_SECRET_KEY) {
    try {
      parseSecretKey(env.CALLFLOW_SECRET_KEY, 'CALLFLOW_SECRET_KEY');
    } catch (error) {
      throw new ConfigError((error as Error).message);
    }
    config.secretKey = env.CALLFLOW_SECRET_KEY;
  }
  if (startupToken !== undefined) config.startupToken = startupToken;
  if (simClockStart !== undefined) config.simClockStart = simClockStart;
  if (!configured) config.startupTokenGenerated = true;
  const twilio = twilioConfigFrom(env);
  if (twilio && simClockStart !== undefined) {
    throw new ConfigError(
      'CALLFLOW_SIM_CLOCK_START is for the simulated service: unset it with Twilio configured.',
    );
  }
  if (twilio && config.simClockControl) {
    throw new ConfigError(
      'CALLFLOW_SIM_CLOCK_CONTROL is for the simulated service: unset it with Twilio configured.',
    );
  }
  if (twilio) {
    config.twilio = twilio;
    // Twilio's requests carry the public host name: let it past the DNS-rebinding check.
    config.allowedHosts.push(new URL(twilio.publicUrl).host);
  }
  return config;
}

/** The URL printed at start-up; the editor reads `?token=` once and then drops it from the address bar. */
export function startupUrl(config: ServerConfig, port: number, options = { withToken: true }): string {
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const base = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/`;
  return config.startupToken && options.withToken
    ? `${base}?token=${encodeURIComponent(config.startupToken)}`
    : base;
}
