import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, expect, type Locator, type Page } from '@playwright/test';
import { REPO_ROOT, type RunningServer } from './start-server.mjs';
import type { Api } from './test.ts';

export interface Desktop {
  page: Page;
  /** Console errors and uncaught exceptions of this desktop's page (the test asserts it stays empty). */
  errors: string[];
  close: () => Promise<void>;
}

const FAILED_REQUEST = /^Failed to load resource: the server responded with a status of (\d+)/;

/**
 * Opens the agent desktop in a browser context of its own (its own sessionStorage: a second agent
 * signed in at once), from the link an administrator hands out: /agent?agent=…&token=….
 * `expectedStatuses`: HTTP errors the test provokes on purpose (a 409 on a lost save).
 */
export async function openDesktop(
  browser: Browser,
  server: RunningServer,
  agent: string,
  expectedStatuses: readonly number[] = [],
): Promise<Desktop> {
  const context = await browser.newContext({ viewport: { width: 900, height: 760 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const status = FAILED_REQUEST.exec(message.text());
    if (status && expectedStatuses.includes(Number(status[1]))) return;
    errors.push(`${agent} console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${agent} pageerror: ${error.message}`));
  const token = server.agentTokens[agent];
  if (!token) throw new Error(`no desktop token for ${agent}`);
  await page.goto(`${server.url}/agent?${new URLSearchParams({ agent, token })}`);
  await expect(page.getByRole('main', { name: /^Desktop of / })).toBeVisible();
  return { page, errors, close: () => context.close() };
}

export const stateOf = (page: Page): Locator => page.getByRole('region', { name: 'State' });

/** Sets the agent's state from the desktop's own state picker and waits until the service shows it. */
export async function setDesktopState(page: Page, state: 'Available' | 'Offline' | 'Busy'): Promise<void> {
  await stateOf(page).getByLabel('Set state').selectOption(state);
  await expect(stateOf(page)).toHaveAttribute('data-state', state);
}

export const offers = (page: Page): Locator => page.getByRole('region', { name: 'Offers' });
export const connectedCall = (page: Page): Locator => page.getByRole('region', { name: 'Connected call' });

/** The popover's labels and values, in the order shown. */
export async function popoverLines(popover: Locator): Promise<[string, string][]> {
  const terms = await popover.locator('dt').allInnerTexts();
  const values = await popover.locator('dd').allInnerTexts();
  return terms.map((term, i) => [term, values[i] ?? '']);
}

/** Publishes a flow given as an object (created first), with what it needs live. */
export async function publishFlow(api: Api, flow: { id: string }): Promise<void> {
  const created = await api.call('PUT', `/api/flows/${flow.id}`, {
    body: flow,
    headers: { 'If-None-Match': '*' },
  });
  expect(created.status).toBe(201);
  const published = await api.call('POST', `/api/flows/${flow.id}/publish`, {
    body: { withDependencies: true },
  });
  expect(published.status, JSON.stringify(published.body)).toBe(201);
}

/**
 * A small PNG of the desktop for docs/agent-desktop.md, written by the test that shows it when the run
 * is asked to (`CALLFLOW_DOC_SCREENSHOTS=1`): an ordinary run leaves the committed pictures alone (a
 * ring timer a second apart would change them at every run).
 */
export async function docScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.CALLFLOW_DOC_SCREENSHOTS !== '1') return;
  const dir = join(REPO_ROOT, 'docs', 'images', 'agent-desktop');
  mkdirSync(dir, { recursive: true });
  await page.getByRole('main').screenshot({ path: join(dir, `${name}.png`), animations: 'disabled' });
}
