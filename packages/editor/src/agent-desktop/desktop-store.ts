/**
 * What the desktop shows, kept current from the agent API and the agent's event stream: the agent (state,
 * offers), what the desktop needs of the center, and the connected contact with its call data.
 */
import type { AgentState } from '@callflow/runtime';
import { create } from 'zustand';
import { ApiError } from '../api/request';
import {
  createDesktopApi,
  type DesktopAgent,
  type DesktopApi,
  type DesktopContact,
  type DesktopProfile,
} from './desktop-api';
import { desktopToken } from './desktop-token';
import { type Notice, noticeOf } from './notice';
import { clockOffset } from './ring-timer';

export { noticeOf };

interface DesktopState {
  api: DesktopApi | null;
  agent: DesktopAgent | null;
  profile: DesktopProfile | null;
  contact: DesktopContact | null;
  notice: Notice | null;
  /** How far the service's clock is ahead of this browser's (ms): the ring timer counts on the service's. */
  clockOffset: number;
}

export const useDesktop = create<DesktopState>(() => ({
  api: null,
  agent: null,
  profile: null,
  contact: null,
  notice: null,
  clockOffset: 0,
}));

export function notify(notice: Notice | null): void {
  useDesktop.setState({ notice });
}

/** Signs in as `agent`: the desktop's requests then all name that agent. */
export async function signIn(agent: string): Promise<void> {
  const api = createDesktopApi(agent, { token: desktopToken });
  useDesktop.setState({ api });
  await Promise.all([refreshAgent(), refreshProfile()]);
}

export async function refreshProfile(): Promise<void> {
  const { api } = useDesktop.getState();
  if (!api) return;
  useDesktop.setState({ profile: await api.profile() });
}

export async function refreshAgent(): Promise<void> {
  const { api } = useDesktop.getState();
  if (!api) return;
  const sentAt = Date.now();
  const agent = await api.agent();
  useDesktop.setState({ agent, clockOffset: clockOffset(agent.now, sentAt, Date.now()) });
  await refreshContact(agent);
}

async function refreshContact(agent: DesktopAgent): Promise<void> {
  const { api } = useDesktop.getState();
  if (!api) return;
  // On a call, or consulted on one once the consult is answered: both agents then see its data.
  const connected =
    (agent.contactId !== null && agent.offer === null && agent.state === 'Busy') ||
    (agent.consult?.role === 'consulted' && agent.consult.status === 'connected');
  if (!connected) {
    useDesktop.setState({ contact: null });
    return;
  }
  try {
    useDesktop.setState({ contact: await api.contact() });
  } catch (error) {
    // The call ended between the two requests: the next event brings the agent's new state.
    if (error instanceof ApiError && error.status === 409) useDesktop.setState({ contact: null });
    else throw error;
  }
}

/** Runs an agent action; its answer's error (with its code) becomes the notice. */
export async function act(action: (api: DesktopApi) => Promise<unknown>, done?: string): Promise<boolean> {
  const { api } = useDesktop.getState();
  if (!api) return false;
  try {
    await action(api);
    notify(done ? { kind: 'info', text: done } : null);
    return true;
  } catch (error) {
    notify(noticeOf(error));
    return false;
  } finally {
    await refreshAgent().catch(() => undefined);
  }
}

export const setState = (state: AgentState) => act((api) => api.setState(state));
