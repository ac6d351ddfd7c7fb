import type { FlowTraffic } from '@callflow/model/api-contract';
import type { CallbackRequest, TraceEntry } from '@callflow/runtime';
import type { TrafficQuery } from '../traffic/traffic-tally.js';
import type { AgentDeskRecords } from './agent-desk.js';
import type { CallbackRow, NewCallback, Purged, StoredContact } from './contact-repository.js';

/**
 * What the contact host keeps of contacts, callback requests, agent states and desks, synchronously (a step is
 * written before its commands run): ContactRepository in SQLite, or PostgresContactRecords through the
 * PostgreSQL bridge.
 */
export interface ContactRecords extends AgentDeskRecords {
  save(
    id: string,
    stored: StoredContact,
    callbacks: readonly NewCallback[],
    trace?: readonly TraceEntry[],
  ): void;
  recordCallback(callback: NewCallback): void;
  load(id: string): StoredContact | undefined;
  active(): StoredContact[];
  purgeEnded(cutoff: number): Purged;
  /** Seals rows an older version stored in the clear; how many. */
  sealPlainRows(): number;
  callbacks(): CallbackRow[];
  callback(id: string): CallbackRow | undefined;
  trace(id: string): TraceEntry[];
  /** Where calls went in a flow version over a period, from the stored traces (traffic/). */
  traffic(query: TrafficQuery): FlowTraffic;
  setCallbackStatus(id: string, status: string): void;
  unstartedCallbacks(): CallbackRequest[];
  saveAgentState(name: string, state: string): void;
  agentStates(): Map<string, string>;
}
