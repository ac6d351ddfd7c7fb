import type { FlowTraffic } from '@callflow/model/api-contract';
import type { CallbackRequest, TraceEntry } from '@callflow/runtime';
import type { PendingCallback, StoredConsult } from '../runtime-host/agent-desk.js';
import type { CallbackRow, NewCallback, Purged, StoredContact } from '../runtime-host/contact-repository.js';
import type { TrafficQuery } from '../traffic/traffic-tally.js';

export type { CallbackRow, NewCallback, PendingCallback, Purged, StoredConsult, StoredContact, TrafficQuery };

/** A version to record: the flow's formatted text and its etag. */
export interface NewVersion {
  flowId: string;
  content: string;
  etag: string;
  publishedBy: string;
  note: string | null;
}

export interface StoredVersion {
  flowId: string;
  version: number;
  content: string;
  etag: string;
  publishedAt: string;
  publishedBy: string;
  note: string | null;
  live: boolean;
}

/** One contact step, written in one transaction before its commands are carried out. */
export interface StepWrite {
  contactId: string;
  stored: StoredContact;
  /** Callback requests the step created. */
  callbacks: readonly NewCallback[];
  /** Trace entries the step wrote (keyed by seq: a repeated entry is kept once). */
  trace: readonly TraceEntry[];
}

/**
 * The right to write a contact: the process that holds it and a token that grows each time another
 * process takes the contact over. A write with an older token is refused ({@link LeaseLostError}), so
 * a process that paused past its lease can never overwrite the step of the process that took over.
 */
export interface Fence {
  contactId: string;
  owner: string;
  token: number;
  /** Epoch ms the lease runs to; another process may take the contact over after it. */
  until: number;
}

/** A timer whose deadline has passed, claimed with its contact by one process. */
export interface ClaimedTimer {
  contactId: string;
  timerId: string;
  /** Epoch ms. */
  deadline: number;
  fence: Fence;
}

/** A contact waiting in a queue; its place is (`enqueuedAt`, `seq`). */
export interface QueueEntry {
  contactId: string;
  queue: string;
  agentGroup: string;
  kind: 'call' | 'callback';
  /** Epoch ms that orders the entry (a callback keeps its caller's original place). */
  enqueuedAt: number;
  /** Breaks ties between equal `enqueuedAt`: the order entries were made. */
  seq: number;
  /** Agents passed over while another can take the contact (the agent who transferred it here). */
  exclude: string[];
}

export type NewQueueEntry = Omit<QueueEntry, 'seq' | 'exclude'> & { exclude?: readonly string[] };

export interface Offer {
  agent: string;
  contactId: string;
  queue: string | null;
  /** Epoch ms. */
  offeredAt: number;
}

/** A contact the store was asked to write with a token another process has replaced. */
export class LeaseLostError extends Error {
  readonly code = 'contact_lease_lost';
  constructor(readonly fence: Fence) {
    super(`Contact "${fence.contactId}" is written by another process now (token ${fence.token} is stale).`);
    this.name = 'LeaseLostError';
  }
}

/**
 * Everything the runtime host keeps between steps, behind one interface with two implementations:
 * SQLite (embedded, one process) and PostgreSQL (one center, many processes). Both pass the same
 * conformance suite (test-support/runtime-store-conformance.ts). Times are epoch ms given by the
 * caller, so leases and timers mean the same on both and tests need no waiting; across machines the
 * processes' clocks must agree (NTP), and the skew adds to the takeover bound.
 * Snapshots, pending commands and callback requests hold secure values: they are sealed before they
 * reach either database.
 */
export interface RuntimeStore {
  readonly kind: 'sqlite' | 'postgres';

  // -- published versions and the live alias --------------------------------------------------------
  /** Records the next version of each flow and makes them all live, in one transaction; their numbers. */
  publish(versions: readonly NewVersion[], at: string): Promise<number[]>;
  /** Moves the live alias; false when the flow has no such version. */
  setLive(flowId: string, version: number, at: string): Promise<boolean>;
  version(flowId: string, version: number): Promise<StoredVersion | undefined>;
  liveVersion(flowId: string): Promise<number | undefined>;
  /** The flow's versions, newest first. */
  versions(flowId: string): Promise<StoredVersion[]>;

  // -- contacts ---------------------------------------------------------------------------------------
  /**
   * Writes one step (snapshot, pending commands, timers as absolute deadlines, callback requests, trace)
   * in one transaction. With a fence, the write happens only while the fence is current (else
   * {@link LeaseLostError}); a new contact is created owned by the fence's process.
   */
  saveStep(step: StepWrite, fence?: Fence): Promise<void>;
  contact(id: string): Promise<StoredContact | undefined>;
  /** Contacts not ended nor transferred. */
  activeContacts(): Promise<StoredContact[]>;
  /** The contact's whole trace, oldest first. */
  trace(id: string): Promise<TraceEntry[]>;
  /**
   * Where calls went in a flow version over a period: the visits of its blocks that began in it, found
   * by the (flow, version, time) each trace entry is stored with, counted by traffic/traffic-tally.ts.
   */
  traffic(query: TrafficQuery): Promise<FlowTraffic>;

  // -- ownership: one writer per contact ----------------------------------------------------------------
  /**
   * Takes the contact for `owner` until `now + leaseMs`: kept (same token) when `owner` holds it,
   * taken over (token + 1) when its lease has run out or it had none; undefined while another process
   * holds a lease that runs, or when the contact does not exist.
   */
  claimContact(contactId: string, owner: string, now: number, leaseMs: number): Promise<Fence | undefined>;
  /** Extends every lease `owner` holds to `now + leaseMs` (the heartbeat); how many. */
  renewLeases(owner: string, now: number, leaseMs: number): Promise<number>;
  /** Gives up every lease `owner` holds (a process draining on SIGTERM): others may take them at once. */
  releaseLeases(owner: string): Promise<number>;
  /** Active contacts whose lease has run out (their process died), taken over by `owner`, at most `limit`. */
  claimOrphans(owner: string, now: number, leaseMs: number, limit: number): Promise<Fence[]>;
  /**
   * Timers due at `now` of contacts `owner` holds or may take over, claimed with their contact so that
   * exactly one process fires each; at most `limit` contacts. A claimed timer leaves the store with the
   * step that answers it (the step rewrites the contact's timers).
   */
  claimDueTimers(owner: string, now: number, leaseMs: number, limit: number): Promise<ClaimedTimer[]>;
  /**
   * Records that command `index` of step `step` of the contact is carried out: true the first time,
   * false after (a process that took the contact over does not send it again).
   */
  markExecuted(contactId: string, step: number, index: number): Promise<boolean>;

  // -- callback requests --------------------------------------------------------------------------------
  /** Records a callback request before its contact exists (web and agent callbacks); kept once by id. */
  recordCallback(callback: NewCallback, at: string): Promise<void>;
  /** Requests not over, oldest first. */
  callbacks(): Promise<CallbackRow[]>;
  callback(id: string): Promise<CallbackRow | undefined>;
  /** Sets the status unless the request was cancelled. */
  setCallbackStatus(id: string, status: string): Promise<void>;
  /** Requests recorded whose contact was never started (a crash in between). */
  unstartedCallbacks(): Promise<CallbackRequest[]>;

  // -- queues, agents and offers ------------------------------------------------------------------------
  /** Puts the contact in a queue (moving it when it waits in one already); the entry with its place. */
  enqueue(entry: NewQueueEntry): Promise<QueueEntry>;
  /** Takes the contact out of its queue and withdraws its offer; false when it was not queued. */
  dequeue(contactId: string): Promise<boolean>;
  /** Waiting contacts in queue order (of one queue, or all). */
  queued(queue?: string): Promise<QueueEntry[]>;
  setAgentState(name: string, state: string, at: string): Promise<void>;
  agentStates(): Promise<Map<string, string>>;
  /**
   * Offers the agent the longest-waiting contact of its groups that no agent is offered, atomically:
   * never two offers for one agent nor for one contact, whichever process asks. Undefined when the
   * agent has an offer already or nothing waits for it.
   */
  offerNext(agent: string, groups: readonly string[], now: number): Promise<Offer | undefined>;
  /** Offers a given contact (an agent's transfer to a colleague); false when either is offered already. */
  offer(agent: string, contactId: string, now: number): Promise<boolean>;
  /** Withdraws the agent's offer of the contact; false when there was none. */
  withdrawOffer(agent: string, contactId: string): Promise<boolean>;
  /** The agent takes the offered contact: the offer and the queue entry go; false when not offered. */
  acceptOffer(agent: string, contactId: string): Promise<boolean>;
  offers(): Promise<Offer[]>;

  // -- agents' desks: what a restart must show again ----------------------------------------------------
  /** Writes (or, with null, removes) the callback the agent prepares. */
  savePendingCallback(agent: string, pending: PendingCallback | null, at: string): Promise<void>;
  pendingCallbacks(): Promise<Map<string, PendingCallback>>;
  /** Writes (or, with null, removes) the consult the agent holds. */
  saveConsult(from: string, consult: StoredConsult | null, at: string): Promise<void>;
  /** Every consult held, oldest change first. */
  consults(): Promise<StoredConsult[]>;

  // -- housekeeping -----------------------------------------------------------------------------------
  /** Removes contacts ended before `cutoff` (epoch ms) and finished callback requests whose contact is gone. */
  purgeEnded(cutoff: number): Promise<Purged>;
  close(): Promise<void>;
}
