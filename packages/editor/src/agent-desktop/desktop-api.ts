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

/**
 * A consult the agent holds (`consulting`: on the call, the customer holding) or is asked into
 * (`consulted`: the consult popover until they accept, then the customer's call data).
 */
export interface DesktopConsult {
  from: string;
  contactId: string;
  to: { agent: string } | { number: string };
  status: 'ringing' | 'connected';
  role: 'consulting' | 'consulted';
  /** Agent name, agent DN, team, then the admin's consult variables (never a secure one). */
  popover: PopoverItem[];
  /** The caller ID a consult with a number presents, and why. */
  callerId: CallerIdDecision | null;
}

/** The callback an agent prepares during a call (Avaya's agent-initiated callback). */
export interface PendingCallback {
  contactId: string;
  /** `prompting`: the customer hears the prompt and keys; `entered` / `edited`: a number to call; `invalid`: refused. */
  status: 'prompting' | 'entered' | 'edited' | 'invalid';
  number: string | null;
  /** Why the customer's entry was refused (the dial-number rules). */
  reason: string | null;
}

export interface DesktopAgent {
  name: string;
  displayName: string;
  groups: string[];
  state: AgentState;
  contactId: string | null;
  offer: DesktopOffer | null;
  pendingCallback?: PendingCallback | null;
  consult?: DesktopConsult | null;
  /** The service's clock when it answered (ISO 8601): ring timers count to `ringsUntil` on it. */
  now?: string;
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

/** A caller-ID decision as the service explains it: the rule, the number, what was passed over and why. */
export interface CallerIdDecision {
  number?: string;
  name?: string;
  rule: string;
  reason: string;
  rejected?: { candidate: string; number?: string; why: string }[];
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
    /** A blind transfer; to a number, optionally presenting one of the agent's allowed numbers. */
    transfer: (to: TransferTo, callerId?: string) =>
      post<{ result: string; reason: string; callerId?: CallerIdDecision | null }>(
        '/transfer',
        callerId ? { to, callerId } : { to },
      ),
    /** The caller ID a call to `to` would present (with the agent's pick, when given), and why. */
    callerIdFor: (to: string, callerId?: string) =>
      get<CallerIdDecision>(`/caller-id?${new URLSearchParams(callerId ? { to, callerId } : { to })}`),
    /** The agent's own outbound call (an agent-initiated callback) with the number they picked. */
    placeCall: (number: string, callerId?: string) =>
      post<{ callbackId?: string; callerId?: CallerIdDecision }>(
        '/callbacks',
        callerId ? { number, callerId } : { number },
      ),
    /** Consults another agent or a number while the customer holds. */
    startConsult: (to: { agent: string } | { number: string }, callerId?: string) =>
      post<{ consult: DesktopConsult }>('/consult', callerId ? { to, callerId } : { to }),
    /** The consulted agent answers the consult. */
    acceptConsult: () => post<{ consult: DesktopConsult }>('/consult/accept'),
    /** Warm transfer: the customer goes to the consulted party. */
    completeConsult: () => post<{ result: string; reason: string }>('/consult/complete'),
    /** Either side ends the consult (a consulted agent declines it so); the customer stays. */
    cancelConsult: () => call<unknown>('DELETE', path('/consult')),
    /** The customer hears the admin's prompt and keys the number; it lands in the pending callback. */
    promptCallback: () => post<{ pendingCallback: PendingCallback }>('/pending-callback/prompt'),
    /** The number the agent typed or edited (checked with the dial-number rules). */
    editCallback: async (number: string) =>
      (
        await call<{ pendingCallback: PendingCallback }>('PUT', path('/pending-callback'), {
          body: JSON.stringify({ number }),
        })
      ).body,
    /** Ends the call and places the callback. */
    placeCallback: (callerId?: string) =>
      post<{ id: string; number: string }>('/pending-callback/place', callerId ? { callerId } : {}),
    /** Drops the pending callback: nothing is dialled. */
    cancelCallback: () => call<unknown>('DELETE', path('/pending-callback')),
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
