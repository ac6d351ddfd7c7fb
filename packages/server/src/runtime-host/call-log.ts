import { randomUUID } from 'node:crypto';
import type { Flow } from '@callflow/model';
import {
  CallSecrets,
  type Command,
  type ContactEvent,
  type ContactSnapshot,
  isContactOver,
  maskValue,
  REDACTED,
} from '@callflow/runtime';

/** One thing said or done on a contact's line: a command the host carried out, or an event it stepped. */
export interface LogEntry {
  /** 1, 2, 3... per contact, in the order things happened. */
  seq: number;
  /** Epoch ms. */
  at: number;
  direction: 'command' | 'event';
  type: string;
  /** The command or event itself, secure values masked; `{ type, truncated: true }` when too large. */
  detail: object;
}

export interface CallLogLimits {
  /** Entries kept per contact; the oldest go first. */
  entriesPerContact: number;
  /** Contacts whose log is kept; the oldest ended go first, then the oldest. */
  contacts: number;
  /** Entries kept over all contacts (the memory bound); whole logs go, as for `contacts`. */
  totalEntries: number;
  /** How long a contact's log is kept after it ends (ms). */
  keepAfterEndMs: number;
  /** A detail whose JSON is larger than this (bytes) is replaced by `{ type, truncated: true }`. */
  detailBytes: number;
}

export const CALL_LOG_LIMITS: CallLogLimits = {
  entriesPerContact: 1000,
  contacts: 2000,
  totalEntries: 100_000,
  keepAfterEndMs: 10 * 60_000,
  detailBytes: 4096,
};

/** A contact's log as a store kept it: its id and its entries in order. */
export interface StoredCallLog {
  contactId: string;
  logId: string;
  entries: LogEntry[];
}

/** One entry to keep, with the contact and the log it belongs to. */
export interface LoggedEntry {
  contactId: string;
  logId: string;
  entry: LogEntry;
}

/**
 * Where a center of several processes keeps its call logs (PostgreSQL), so that the process that takes
 * a contact over answers its log whole: entries are handed over as they are made, and read back.
 */
export interface CallLogStore {
  append(entry: LoggedEntry): void;
  load(contactIds: readonly string[]): StoredCallLog[];
}

export interface CallLogOptions {
  now: () => number;
  /** A published version of a flow (the contact's own versions are asked for). */
  flow: (flowId: string, version: number) => Flow | undefined;
  limits?: Partial<CallLogLimits>;
  /** Keeps the entries beyond this process (a center); without it the log is in memory only. */
  store?: CallLogStore;
  /** The contact's stored snapshot (its secure values mask a log read back from the store). */
  snapshot?: (contactId: string) => ContactSnapshot | undefined;
}

interface ContactLog {
  contactId: string;
  /** Names this log: a new log of the same contact (after a restart, or once forgotten) has another. */
  id: string;
  entries: LogEntry[];
  lastSeq: number;
  truncated: boolean;
  /** The latest snapshot seen: it says which version of each flow the contact runs. */
  snapshot: ContactSnapshot | undefined;
  secrets: CallSecrets;
}

/**
 * What was said and done on each contact's line, as the designer's simulator shows it: the commands the
 * host carried out and the events it stepped, in order. Secure values never enter it: every string is
 * masked with the secure values the call has held so far, and keys pressed into a secure variable are
 * `•••`. Kept in memory while the contact runs and for a while after it ends; in a center of several
 * processes, also in the store (CallLogStore), so the process that takes a contact over goes on with it.
 */
export class CallLog {
  readonly #logs = new Map<string, ContactLog>();
  /** Ended contacts and when they ended, oldest first. */
  readonly #ended = new Map<string, number>();
  readonly #limits: CallLogLimits;
  #total = 0;
  /** Log ids are unique across restarts: a random prefix per log keeper, then a count. */
  readonly #boot = randomUUID().slice(0, 8);
  #made = 0;

  constructor(private readonly options: CallLogOptions) {
    this.#limits = { ...CALL_LOG_LIMITS, ...options.limits };
  }

  /** A step of the contact is stored (before its commands are carried out): learn its secure values. */
  stepSaved(snapshot: ContactSnapshot): void {
    const log = this.#logOf(snapshot.contactId);
    this.#learn(log, snapshot);
    if (isContactOver(snapshot)) this.ended(snapshot.contactId);
  }

  /** An event is about to be stepped; `before` is the snapshot it steps from. */
  event(contactId: string, event: ContactEvent, before: ContactSnapshot | undefined): void {
    const log = this.#logOf(contactId);
    if (before) this.#learn(log, before);
    const secretKeys = event.type === 'digits' && log.secrets.collecting(before);
    this.#add(log, 'event', event.type, secretKeys ? { ...event, digits: REDACTED } : event);
  }

  command(contactId: string, command: Command): void {
    this.#add(this.#logOf(contactId), 'command', command.type, command);
  }

  /** The contact is over (also when it ends outside a step, as a cancelled callback does). */
  ended(contactId: string): void {
    if (this.#logs.has(contactId) && !this.#ended.has(contactId)) {
      this.#ended.set(contactId, this.options.now());
    }
  }

  /**
   * Continues logs another process kept (a center's takeover): the same log ids, numbered on from their
   * last entry. Done before the contacts' first steps here; a log this process has already is kept.
   */
  resume(
    logs: readonly StoredCallLog[],
    snapshotOf: (contactId: string) => ContactSnapshot | undefined = (id) => this.options.snapshot?.(id),
  ): void {
    for (const stored of logs) {
      if (this.#logs.has(stored.contactId)) continue;
      const log = this.#logOf(stored.contactId, stored.logId);
      log.entries = stored.entries.slice(-this.#limits.entriesPerContact);
      log.truncated = log.entries.length < stored.entries.length || (log.entries[0]?.seq ?? 1) > 1;
      log.lastSeq = stored.entries[stored.entries.length - 1]?.seq ?? 0;
      this.#total += log.entries.length;
      const snapshot = snapshotOf(stored.contactId);
      if (snapshot) this.#learn(log, snapshot);
      if (snapshot && isContactOver(snapshot)) this.ended(stored.contactId);
    }
    this.#sweep();
  }

  /**
   * Entries after `after`; an empty log when neither this process nor the store has one for the
   * contact. `logId` names the log: when it changes, seq counts again from 1 (a client re-reads from 0).
   */
  read(contactId: string, after = 0): { logId: string | null; entries: LogEntry[]; truncated: boolean } {
    this.#sweep();
    if (!this.#logs.has(contactId) && this.options.store) this.resume(this.options.store.load([contactId]));
    const log = this.#logs.get(contactId);
    if (!log) return { logId: null, entries: [], truncated: false };
    // Masked again with everything learned since: a value may become secure after it was logged.
    const entries = log.entries
      .filter((e) => e.seq > after)
      .map((e) => ({ ...e, detail: maskValue(e.detail, log.secrets.known) as object }));
    return { logId: log.id, entries, truncated: log.truncated };
  }

  /** How many contacts have a log (for tests of the limits). */
  get size(): number {
    return this.#logs.size;
  }

  #logOf(contactId: string, id?: string): ContactLog {
    const found = this.#logs.get(contactId);
    if (found) return found;
    this.#made += 1;
    const log: ContactLog = {
      contactId,
      id: id ?? `${this.#boot}-${this.#made}`,
      entries: [],
      lastSeq: 0,
      truncated: false,
      snapshot: undefined,
      secrets: new CallSecrets((flowId) => {
        const s = log.snapshot;
        const version = s?.flowId === flowId ? s.version : s?.versions?.[flowId];
        return version === undefined ? undefined : this.options.flow(flowId, version);
      }),
    };
    this.#logs.set(contactId, log);
    this.#sweep();
    return log;
  }

  #learn(log: ContactLog, snapshot: ContactSnapshot): void {
    log.snapshot = snapshot;
    log.secrets.remember(snapshot);
  }

  #add(log: ContactLog, direction: LogEntry['direction'], type: string, raw: object): void {
    const masked = maskValue(raw, log.secrets.known) as object;
    const tooLarge = Buffer.byteLength(JSON.stringify(masked)) > this.#limits.detailBytes;
    log.lastSeq += 1;
    const entry: LogEntry = {
      seq: log.lastSeq,
      at: this.options.now(),
      direction,
      type,
      detail: tooLarge ? { type, truncated: true } : masked,
    };
    log.entries.push(entry);
    this.options.store?.append({ contactId: log.contactId, logId: log.id, entry });
    this.#total += 1;
    if (log.entries.length > this.#limits.entriesPerContact) {
      this.#total -= log.entries.splice(0, log.entries.length - this.#limits.entriesPerContact).length;
      log.truncated = true;
    }
    if (this.#total > this.#limits.totalEntries) this.#sweep();
  }

  /** Forgets logs kept long enough after their contact ended, then the oldest beyond the limit. */
  #sweep(): void {
    const expired = this.options.now() - this.#limits.keepAfterEndMs;
    for (const [contactId, endedAt] of this.#ended) {
      if (endedAt > expired) break;
      this.#forget(contactId);
    }
    // One log always stays, whatever the limits: a log is never emptied by the entry just written to it.
    while (
      this.#logs.size > 1 &&
      (this.#logs.size > this.#limits.contacts || this.#total > this.#limits.totalEntries)
    ) {
      const oldest = this.#ended.keys().next().value ?? this.#logs.keys().next().value;
      if (oldest === undefined) break;
      this.#forget(oldest);
    }
  }

  #forget(contactId: string): void {
    this.#total -= this.#logs.get(contactId)?.entries.length ?? 0;
    this.#logs.delete(contactId);
    this.#ended.delete(contactId);
  }
}
