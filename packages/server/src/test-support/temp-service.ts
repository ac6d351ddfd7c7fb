import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino, { type Logger } from 'pino';
import supertest from 'supertest';
import { loadConfig, type ServerConfig } from '../config.js';
import { type CallflowService, createService, type ServiceOptions } from '../service.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
export const SAMPLE_FLOWS = join(REPO_ROOT, 'flows');

export const TOKENS = {
  admin: 'admin-token-0123456789',
  editor: 'editor-token-0123456789',
  viewer: 'viewer-token-0123456789',
  /** Bound to the sample agent {@link TEST_AGENT}. */
  agent: 'agent-token-alice-0123456789',
};

/** The agent the `agent` token acts as, and a second agent's token (an agent acting as another). */
export const TEST_AGENT = 'alice.ng';
export const OTHER_AGENT = { name: 'bilal.khan', token: 'agent-token-bilal-0123456789' };

function tokenList(): string {
  const roles = Object.entries(TOKENS).map(([role, token]) =>
    role === 'agent' ? `${TEST_AGENT}:${token}:agent:${TEST_AGENT}` : `${role}:${token}:${role}`,
  );
  return [...roles, `${OTHER_AGENT.name}:${OTHER_AGENT.token}:agent`].join(',');
}

export interface TestService {
  service: CallflowService;
  config: ServerConfig;
  flowsDir: string;
  dataDir: string;
  /** supertest against the app, with the Host header a browser on localhost sends. */
  /** `role` is a role of {@link TOKENS}, or a token itself (another agent's). */
  api(role?: keyof typeof TOKENS | { token: string }): {
    get(path: string): supertest.Test;
    post(path: string): supertest.Test;
    put(path: string): supertest.Test;
    patch(path: string): supertest.Test;
    delete(path: string): supertest.Test;
  };
  close(): Promise<void>;
}

/** A service on a temporary copy of the sample flows (or an empty directory) and a fresh data dir. */
export async function startTestService(
  options: {
    copyFlows?: boolean;
    env?: Record<string, string>;
    /** Reuse a directory (a restart); it is kept on close. */
    workDir?: string;
    /** Extra service options (a clock, a Twilio REST stand-in). */
    service?: Omit<ServiceOptions, 'logger'>;
    /** The service's logger (default: pino at CALLFLOW_TEST_LOG or `error`, to stdout). */
    logger?: Logger;
  } = {},
): Promise<TestService> {
  const work = options.workDir ?? mkdtempSync(join(tmpdir(), 'callflow-server-'));
  const flowsDir = join(work, 'flows');
  const dataDir = join(work, 'data');
  if (options.copyFlows !== false && !existsSync(flowsDir))
    cpSync(SAMPLE_FLOWS, flowsDir, { recursive: true });
  mkdirSync(flowsDir, { recursive: true });
  const config = loadConfig(
    [],
    {
      CALLFLOW_FLOWS_DIR: flowsDir,
      CALLFLOW_DATA_DIR: dataDir,
      CALLFLOW_TOKENS: tokenList(),
      CALLFLOW_EDITOR_DIST: join(work, 'no-editor'),
      // A free port from the system when a test listens: test files run side by side, and a developer's
      // own service may hold the default 4310.
      CALLFLOW_PORT: '0',
      // Tests start from a data directory where nothing is published; the first-start tests turn it on.
      CALLFLOW_PUBLISH_ON_FIRST_START: 'off',
      ...options.env,
    },
    { flowsDir, editorDist: join(work, 'no-editor') },
  );
  const service = await createService(config, {
    ...options.service,
    logger: options.logger ?? pino({ level: process.env.CALLFLOW_TEST_LOG ?? 'error' }),
  });
  const api = (role: keyof typeof TOKENS | { token: string } = 'admin') => {
    const agent = supertest(service.app);
    const token = typeof role === 'string' ? TOKENS[role] : role.token;
    const auth = (test: supertest.Test) =>
      test.set('Host', 'localhost:4310').set('Authorization', `Bearer ${token}`);
    return {
      get: (path: string) => auth(agent.get(path)),
      post: (path: string) => auth(agent.post(path)),
      put: (path: string) => auth(agent.put(path)),
      patch: (path: string) => auth(agent.patch(path)),
      delete: (path: string) => auth(agent.delete(path)),
    };
  };
  return {
    service,
    config,
    flowsDir,
    dataDir,
    api,
    close: async () => {
      await service.close();
      if (!options.workDir) rmSync(work, { recursive: true, force: true });
    },
  };
}

/** A minimal valid inbound flow. */
export function simpleFlow(id: string, name = 'Test flow'): Record<string, unknown> {
  return {
    $schema: '../schemas/flow.schema.json',
    formatVersion: 1,
    id,
    name,
    type: 'inbound',
    start: 'hello',
    blocks: {
      hello: {
        type: 'playPrompt',
        settings: { prompt: { text: 'Hello' } },
        next: { success: 'bye', error: 'bye' },
      },
      bye: { type: 'disconnect', settings: {} },
    },
  };
}
