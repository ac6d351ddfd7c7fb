import { test as base, expect, type Page } from '@playwright/test';
import { type RunningServer, type ServerOptions, startServer } from './start-server.mjs';

export interface Api {
  /** Calls the server's REST API as the admin; returns the status, the ETag header and the parsed body. */
  call: (
    method: string,
    path: string,
    options?: { body?: unknown; headers?: Record<string, string> },
  ) => Promise<{ status: number; etag: string | null; body: unknown }>;
}

interface ConsoleGuard {
  errors: string[];
  /** HTTP statuses a test provokes on purpose; Chromium logs each failed request as a console error. */
  expectedStatuses: Set<number>;
}

export interface Fixtures {
  /** How the test's server starts (`test.use({ serverOptions: … })`). */
  serverOptions: ServerOptions;
  server: RunningServer;
  api: Api;
  /** Opens the editor the way an admin does: the start-up URL carrying the token. */
  openEditor: () => Promise<Page>;
  consoleGuard: ConsoleGuard;
  /** Declares an HTTP error the test provokes on purpose (a 412 on a stale save), so its console line is allowed. */
  expectHttpError: (status: number) => void;
}

const FAILED_REQUEST = /^Failed to load resource: the server responded with a status of (\d+)/;

export const test = base.extend<Fixtures>({
  serverOptions: [{}, { option: true }],
  server: async ({ serverOptions }, use) => {
    const server = await startServer(serverOptions);
    await use(server);
    await server.stop();
  },
  api: async ({ server }, use) => {
    await use({
      call: async (method, path, options = {}) => {
        const response = await fetch(`${server.url}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${server.token}`,
            ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
            ...options.headers,
          },
          ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
        });
        const text = await response.text();
        return {
          status: response.status,
          etag: response.headers.get('etag'),
          body: text ? JSON.parse(text) : null,
        };
      },
    });
  },
  // Any console error or uncaught exception fails the test that caused it. Depending on the server keeps
  // it running until the check is done (a stopped server would fail the page's live-event requests).
  consoleGuard: [
    async ({ page, server: _server }, use) => {
      const guard: ConsoleGuard = { errors: [], expectedStatuses: new Set() };
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const status = FAILED_REQUEST.exec(message.text());
        if (status && guard.expectedStatuses.has(Number(status[1]))) return;
        guard.errors.push(`console.error: ${message.text()}`);
      });
      page.on('pageerror', (error) => guard.errors.push(`pageerror: ${error.message}`));
      await use(guard);
      expect(guard.errors, 'the browser console stays free of errors').toEqual([]);
    },
    { auto: true },
  ],
  expectHttpError: async ({ consoleGuard }, use) => {
    await use((status) => consoleGuard.expectedStatuses.add(status));
  },
  openEditor: async ({ page, server }, use) => {
    await use(async () => {
      await page.goto(`${server.url}/?${new URLSearchParams({ token: server.token })}`);
      return page;
    });
  },
});

export { expect };
