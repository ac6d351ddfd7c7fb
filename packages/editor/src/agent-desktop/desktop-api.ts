/**
 * The agent API (docs/api.md "Agents") as the desktop calls it, always as the one agent its token is
 * bound to. Every failure is an `ApiError` carrying the server's code and details.
 */
import type { AgentState, PopoverItem } from '@callflow/runtime';
import { type ApiOptions, createRequest } from '../api/request';

export interface DesktopOffer {
  contactId: string | null;
  queue: string;
  title: string;
  popover: PopoverItem[];
  /** Seconds the offer rings before RONA. */
  timeoutSeconds?: number;
  /** When it rings out (the service's clock, ISO 8601). */
  ringsUntil?: string | null;
  kind?: string;
}

/** When the offer was made on the service's clock (ms): its ring-out time less its ring time. */
export function offeredAt(offer: DesktopOffer): number {
  if (!offer.ringsUntil || offer.timeoutSeconds === undefined) return 0;
  return Date.parse(offer.ringsUntil) - offer.timeoutSeconds * 1000;
}

export interface DesktopAgent {
  name: string;
  displayName: string;
  groups: string[];
  state: AgentState;
  contactId: string | null;
  offer: DesktopOffer | null;
  /** Every offer waiting for the agent, earliest first, when the service lists more than one. */
  offers?: DesktopOffer[];
}

export interface DesktopNumber {
  name: string;
  number: string;
  displayName: string;
}

/** What the desktop needs of the center (`GET /api/agents/:name/desktop`). */
export interface DesktopProfile {
  agent: {
    name: string;
    displayName: string;
    groups: string[];
    defaultNumber: string | null;
    defaultOutboundQueue: string | null;
  };
  numbers: DesktopNumber[];
  queues: { name: string; displayName: string }[];
  agents: { name: string; displayName: string; state: AgentState }[];
  allowedCountries?: string[];
  defaultRegion?: string;
  wrapUpReasons?: string[];
}

export interface CadVariable {
  name: string;
  label: string;
  type: string;
  value: unknown;
  editable: boolean;
  secure: boolean;
  version: number;
}

/** The agent's connected contact (`GET /api/agents/:name/contact`). */
export interface DesktopContact {
  contactId: string;
  kind?: string;
  status: string;
  callerNumber: string | null;
  dialedNumber: string;
  queue: string | null;
  variables: CadVariable[];
}

export type TransferTo = { queue: string } | { agent: string } | { number: string };

export function createDesktopApi(agent: string, options: ApiOptions = {}) {
  const call = createRequest(options);
  const path = (tail = '') => `/api/agents/${encodeURIComponent(agent)}${tail}`;
  const post = async <T>(tail: string, body?: unknown) =>
    (await call<T>('POST', path(tail), body === undefined ? {} : { body: JSON.stringify(body) })).body;
  const get = async <T>(tail: string) => (await call<T>('GET', path(tail))).body;

  return {
    agent: () => get<DesktopAgent>(''),
    profile: () => get<DesktopProfile>('/desktop'),
    contact: () => get<DesktopContact>('/contact'),
    setState: (state: AgentState) => post<DesktopAgent>('/state', { state }),
    accept: () => post<DesktopAgent>('/accept'),
    reject: () => post<DesktopAgent>('/reject'),
    hangUp: () => post<{ agent: DesktopAgent }>('/hangup'),
    wrapUp: (reason: string) => post<DesktopAgent>('/wrap-up', { reason }),
    transfer: (to: TransferTo) => post<{ result: string; reason: string }>('/transfer', { to }),
    saveVariable: async (name: string, value: unknown, version: number) =>
      (
        await call<{ value: unknown; version: number }>(
          'PATCH',
          path(`/contact/variables/${encodeURIComponent(name)}`),
          { body: JSON.stringify({ value, version }) },
        )
      ).body,
  };
}

export type DesktopApi = ReturnType<typeof createDesktopApi>;
