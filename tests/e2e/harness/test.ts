import { test as base, expect, type Page } from '@playwright/test';
import { type RunningServer, startServer } from './start-server.mjs';

export interface Api {
  /** Calls the server's REST API as the admin; returns the status, the ETag header and the parsed body. */
  call: (
    method: string,
    path: string,
    options?: { body?: unknown; headers?: Record<string, string> },
  ) => Promise<{ status: number; etag: string | null; body: unknown }>;
}

interface Fixtures {
  server: RunningServer;
  api: Api;
  /** Opens the editor the way an admin does: the start-up URL carrying the token. */
  openEditor: (flowId?: string) => Promise<Page>;
  consoleErrors: string[];
}

export const test = base.extend<Fixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
  server: async ({}, use) => {
    const server = await startServer();
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
  // Any console error or uncaught exception fails the test that caused it.
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      await use(errors);
      expect(errors, 'the browser console stays free of errors').toEqual([]);
    },
    { auto: true },
  ],
  openEditor: async ({ page, server }, use) => {
    await use(async (flowId) => {
      const query = new URLSearchParams({ token: server.token });
      await page.goto(`${server.url}/?${query}${flowId ? `#/flows/${flowId}` : ''}`);
      return page;
    });
  },
});

export { expect };
