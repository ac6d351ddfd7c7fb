import type { FlowTraffic } from '@callflow/model/api-contract';
import type { CallbackRequest, TraceEntry } from '@callflow/runtime';
import { isContactOver } from '@callflow/runtime';
import type { PendingCallback, StoredConsult } from '../runtime-host/agent-desk.js';
import type { ContactRecords } from '../runtime-host/contact-records.js';
import type { CallbackRow, NewCallback, Purged, StoredContact } from '../runtime-host/contact-repository.js';
import type { VersionRow, VersionRows } from '../store/published-versions.js';
import type { TrafficQuery } from '../traffic/traffic-tally.js';
import type { PostgresBridge } from './postgres-bridge.js';
import type { NewVersion } from './runtime-store.js';
import { type Fence, LeaseLostError, type StoredVersion } from './runtime-store.js';

export interface PostgresRecordsOptions {
  bridge: PostgresBridge;
  /** This process in the center (its leases carry this name). */
  owner: string;
  /** How long a lease lasts without a heartbeat (ms). */
  leaseMs: number;
  now: () => number;
  /**
   * Another process took a contact over (this one was cut off or paused past its lease): the step is
   * not carried out, and this process must stop running contacts at once (the service exits).
   */
  leaseLost: (error: LeaseLostError) => never;
}

/**
 * The contact host's records in PostgreSQL, through the synchronous bridge. Every step is written with
 * this process's fencing token for the contact: a contact another process has taken over (this one
 * was thought dead) refuses the write with LeaseLostError, so two processes never both step it.
 */
export class PostgresContactRecords implements ContactRecords {
  /** The token this process holds for each contact it runs. */
  readonly fences = new Map<string, Fence>();

  constructor(private readonly options: PostgresRecordsOptions) {}

  #call<T>(method: string, ...args: unknown[]): T {
    return this.options.bridge.call<T>(method, ...args);
  }

  save(
    id: string,
    stored: StoredContact,
    callbacks: readonly NewCallback[],
    trace: readonly TraceEntry[] = [],
  ) {
    const { owner, leaseMs, now } = this.options;
    const fence = this.fences.get(id) ?? { contactId: id, owner, token: 1, until: now() + leaseMs };
    try {
      this.#call('saveStep', { contactId: id, stored, callbacks, trace }, fence);
    } catch (error) {
      if (error instanceof LeaseLostError) {
        this.options.leaseLost(error);
      }
      throw error;
    }
    if (isContactOver(stored.snapshot)) this.fences.delete(id);
    else this.fences.set(id, fence);
  }

  recordCallback(callback: NewCallback): void {
    this.#call('recordCallback', callback, new Date().toISOString());
  }

  load(id: string): StoredContact | undefined {
    return this.#call('contact', id);
  }

  active(): StoredContact[] {
    return this.#call('activeContacts');
  }

  purgeEnded(cutoff: number): Purged {
    return this.#call('purgeEnded', cutoff);
  }

  /** The PostgreSQL store has never held a row in the clear. */
  sealPlainRows(): number {
    return 0;
  }

  callbacks(): CallbackRow[] {
    return this.#call('callbacks');
  }

  callback(id: string): CallbackRow | undefined {
    return this.#call('callback', id);
  }

  trace(id: string): TraceEntry[] {
    return this.#call('trace', id);
  }

  traffic(query: TrafficQuery): FlowTraffic {
    return this.#call('traffic', query);
  }

  setCallbackStatus(id: string, status: string): void {
    this.#call('setCallbackStatus', id, status);
  }

  unstartedCallbacks(): CallbackRequest[] {
    return this.#call('unstartedCallbacks');
  }

  saveAgentState(name: string, state: string): void {
    this.#call('setAgentState', name, state, new Date().toISOString());
  }

  agentStates(): Map<string, string> {
    return this.#call('agentStates');
  }

  savePendingCallback(agent: string, pending: PendingCallback | null): void {
    this.#call('savePendingCallback', agent, pending, new Date().toISOString());
  }

  pendingCallbacks(): Map<string, PendingCallback> {
    return this.#call('pendingCallbacks');
  }

  saveConsult(from: string, consult: StoredConsult | null): void {
    this.#call('saveConsult', from, consult, new Date().toISOString());
  }

  consults(): StoredConsult[] {
    return this.#call('consults');
  }
}

/** Published versions in PostgreSQL, through the bridge: any process may publish, every one reads. */
export function postgresVersionRows(bridge: PostgresBridge): VersionRows {
  const row = (v: StoredVersion): VersionRow => ({
    flow_id: v.flowId,
    version: v.version,
    content: v.content,
    etag: v.etag,
    published_at: v.publishedAt,
    published_by: v.publishedBy,
    note: v.note,
    live_version: v.live ? v.version : null,
  });
  return {
    insertNext: (versions: readonly NewVersion[], at: string) => bridge.call('publish', versions, at),
    setLive: (flowId, version, at) => {
      bridge.call('setLive', flowId, version, at);
    },
    get: (flowId, version) => {
      const v = bridge.call<StoredVersion | undefined>('version', flowId, version);
      return v && row(v);
    },
    list: (flowId) => bridge.call<StoredVersion[]>('versions', flowId).map(row),
    liveOf: (flowId) => bridge.call('liveVersion', flowId),
    summaries: () => bridge.call('summaries'),
  };
}
