import { expect } from '@playwright/test';
import { type Desktop, openDesktop } from './desktop.ts';
import { type Api, test as base } from './test.ts';

interface DeskFixtures {
  /**
   * Opens an agent's desktop in a browser context of its own (two agents signed in at once), closed
   * after the test, whose console must stay free of errors. `expectedStatuses`: HTTP errors the test
   * provokes on purpose (a 409 on a lost save).
   */
  openDesk: (agent: string, expectedStatuses?: readonly number[]) => Promise<Desktop>;
}

/**
 * The agent-desktop specs' test: a service whose clock the test skips (ring timers and RONA reached
 * without waiting, docs/api.md "Test clock"), and desktops opened per agent.
 */
export const test = base.extend<DeskFixtures>({
  serverOptions: { env: { CALLFLOW_SIM_CLOCK_CONTROL: 'on' } },
  openDesk: async ({ browser, server }, use) => {
    const desktops: Desktop[] = [];
    await use(async (agent, expectedStatuses = []) => {
      const desktop = await openDesktop(browser, server, agent, expectedStatuses);
      desktops.push(desktop);
      return desktop;
    });
    const errors = desktops.flatMap((d) => d.errors);
    for (const desktop of desktops) await desktop.close();
    expect(errors, 'the desktops’ consoles stay free of errors').toEqual([]);
  },
});

export { expect };

/** Changes the resources as an admin does in the Center (read, change, save with its ETag). */
export async function changeResources(
  api: Api,
  change: (resources: {
    account: Record<string, unknown>;
    queues: Record<string, Record<string, unknown>>;
  }) => void,
): Promise<void> {
  const current = (await api.call('GET', '/api/resources')).body as { resources: unknown; etag: string };
  const next = structuredClone(current.resources) as Parameters<typeof change>[0];
  change(next);
  const saved = await api.call('PUT', '/api/resources', {
    body: next,
    headers: { 'If-Match': current.etag },
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
}

/** The agent as the service has it now (admin API). */
export async function agentOnService(
  api: Api,
  name: string,
): Promise<{
  state: string;
  contactId: string | null;
  offer: { contactId: string | null; ringsUntil: string | null } | null;
  consult: { role: string; status: string } | null;
  now: string;
}> {
  const answer = await api.call('GET', `/api/agents/${name}`);
  expect(answer.status).toBe(200);
  return answer.body as Awaited<ReturnType<typeof agentOnService>>;
}
