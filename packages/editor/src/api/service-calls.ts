/**
 * The server's live runtime as typed calls (docs/api.md "Contacts, callbacks, agents"): a simulated call
 * on a flow's live version, what the caller and agents do on it, and what the service shows of it.
 * Secure values are masked by the server (`•••`) before anything reaches the browser.
 */
import type { ApiRoutes, ResponseOf } from '@callflow/model/api-contract';
import type { AgentState, TraceEntry } from '@callflow/runtime';
import { type ApiOptions, createRequest } from './request';

/** A contact as `GET /api/contacts/:id` shows it (the API contract's type). */
export type ServiceContact = ResponseOf<ApiRoutes['getContact']>;

/** A trace entry as the runtime writes it (secure values masked by the server). */
export type ServiceTraceEntry = TraceEntry;

/** What happened on the line: a command the service carried out, or an event it stepped. */
export type ServiceLogEntry = ResponseOf<ApiRoutes['contactLog']>['entries'][number];

export type ServiceAgent = ResponseOf<ApiRoutes['getAgent']>;

export type CallerAction = { type: 'digits'; digits: string } | { type: 'hangUp' };

export function createServiceCalls(options: ApiOptions = {}) {
  const call = createRequest(options);
  const contactPath = (id: string) => `/api/contacts/${encodeURIComponent(id)}`;
  const agentPath = (name: string) => `/api/agents/${encodeURIComponent(name)}`;
  const post = async <T>(path: string, body?: unknown) =>
    (await call<T>('POST', path, body === undefined ? {} : { body: JSON.stringify(body) })).body;

  return {
    /** Places a simulated call on the flow's live version; 409 `flow_not_published` without one. */
    startCall: (flow: string, from: string, to: string) =>
      post<ResponseOf<ApiRoutes['startContact'], 201>>('/api/contacts', { flow, from, to }),
    contact: async (id: string) => (await call<ServiceContact>('GET', contactPath(id))).body,
    trace: async (id: string) =>
      (await call<{ entries: ServiceTraceEntry[] }>('GET', `${contactPath(id)}/trace`)).body.entries,
    /** Log entries after `after` (a seq), oldest first; a new `logId` means seq counts from 1 again. */
    log: async (id: string, after = 0) =>
      (await call<ResponseOf<ApiRoutes['contactLog']>>('GET', `${contactPath(id)}/log?after=${after}`)).body,
    send: (id: string, action: CallerAction) => post<unknown>(`${contactPath(id)}/events`, action),
    agents: async () => (await call<ServiceAgent[]>('GET', '/api/agents')).body,
    setAgentState: (name: string, state: AgentState) =>
      post<ServiceAgent>(`${agentPath(name)}/state`, { state }),
    accept: (name: string) => post<ServiceAgent>(`${agentPath(name)}/accept`),
    /** The agent declines the offer: as if it rang out (RONA), the contact goes back to its queue. */
    reject: (name: string) => post<ServiceAgent>(`${agentPath(name)}/reject`),
    agentHangUp: (name: string) => post<ResponseOf<ApiRoutes['agentHangUp']>>(`${agentPath(name)}/hangup`),
  };
}

export type ServiceCalls = ReturnType<typeof createServiceCalls>;

export const serviceCalls: ServiceCalls = createServiceCalls();
