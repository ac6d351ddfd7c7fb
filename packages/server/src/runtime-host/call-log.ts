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
  /** Entries kept over all contacts; whole logs go, as for `contacts`. */
  totalEntries: number;
  /**
   * Bytes of details (their JSON text) kept over all contacts; whole logs go, as for `contacts`. With
   * `totalEntries` this is the memory bound: a few hundred bytes a detail would otherwise let the
   * entries alone hold tens of megabytes.
   */
  totalBytes: number;
  /** How long a contact's log is kept after it ends (ms). */
  keepAfterEndMs: number;
  /** A detail whose JSON is larger than this (bytes) is replaced by `{ type, truncated: true }`. */
  detailBytes: number;
}

export const CALL_LOG_LIMITS: CallLogLimits = {
  entriesPerContact: 1000,
  contacts: 2000,
  totalEntries: 50_000,
  totalBytes: 8 * 2 ** 20,
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

/** An entry as kept: its detail as JSON text (one string is far smaller than the object, and no work for the GC). */
interface KeptEntry {
  seq: number;
  at: number;
  direction: LogEntry['direction'];
  type: string;
  json: string;
}

const kept = (e: LogEntry): KeptEntry => ({
  seq: e.seq,
  at: e.at,
  direction: e.direction,
  type: e.type,
  json: JSON.stringify(e.detail),
});

interface ContactLog {
  contactId: string;
  /** Names this log: a new log of the same contact (after a restart, or once forgotten) has another. */
  id: string;
  /** The kept entries from index `first` on (older ones are dropped by moving `first`: no copying). */
  entries: KeptEntry[];
  first: number;
  /** Bytes of the kept entries' JSON. */
  bytes: number;
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
  #totalBytes = 0;
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
      const entries = stored.entries.slice(-this.#limits.entriesPerContact);
      log.entries = entries.map(kept);
      log.first = 0;
      log.bytes = log.entries.reduce((sum, e) => sum + e.json.length, 0);
      log.truncated = entries.length < stored.entries.length || (entries[0]?.seq ?? 1) > 1;
      log.lastSeq = stored.entries[stored.entries.length - 1]?.seq ?? 0;
      this.#total += log.entries.length;
      this.#totalBytes += log.bytes;
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
    const entries: LogEntry[] = [];
    for (let i = log.first; i < log.entries.length; i += 1) {
      const e = log.entries[i] as KeptEntry;
      if (e.seq <= after) continue;
      const detail = maskValue(JSON.parse(e.json), log.secrets.known) as object;
      entries.push({ seq: e.seq, at: e.at, direction: e.direction, type: e.type, detail });
    }
    return { logId: log.id, entries, truncated: log.truncated };
  }

  /** How many contacts have a log (for tests of the limits). */
  get size(): number {
    return this.#logs.size;
  }

  /** Bytes of details kept over all contacts, what `totalBytes` bounds (for tests of the limits). */
  get bytes(): number {
    return this.#totalBytes;
  }

  #logOf(contactId: string, id?: string): ContactLog {
    const found = this.#logs.get(contactId);
    if (found) return found;
    this.#made += 1;
    const log: ContactLog = {
      contactId,
      id: id ?? `${this.#boot}-${this.#made}`,
      entries: [],
      first: 0,
      bytes: 0,
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
    const text = JSON.stringify(masked);
    const tooLarge = Buffer.byteLength(text) > this.#limits.detailBytes;
    const detail = tooLarge ? { type, truncated: true } : masked;
    const json = tooLarge ? JSON.stringify(detail) : text;
    log.lastSeq += 1;
    const at = this.options.now();
    log.entries.push({ seq: log.lastSeq, at, direction, type, json });
    this.options.store?.append({
      contactId: log.contactId,
      logId: log.id,
      entry: { seq: log.lastSeq, at, direction, type, detail },
    });
    log.bytes += json.length;
    this.#total += 1;
    this.#totalBytes += json.length;
    if (this.#total > this.#limits.totalEntries || this.#totalBytes > this.#limits.totalBytes) this.#sweep();
    // Other logs gone, the one written to drops its own oldest entries to stay within the bytes (its
    // entries are bounded by `entriesPerContact`): the memory bound holds whatever one call logs.
    const over = () =>
      log.entries.length - log.first > this.#limits.entriesPerContact ||
      (log.entries.length - log.first > 1 && this.#totalBytes > this.#limits.totalBytes);
    while (over()) {
      const dropped = log.entries[log.first] as KeptEntry;
      log.entries[log.first] = undefined as unknown as KeptEntry;
      log.first += 1;
      log.bytes -= dropped.json.length;
      this.#total -= 1;
      this.#totalBytes -= dropped.json.length;
      log.truncated = true;
    }
    // The dropped head is let go once it is as long as what is kept (amortised: no copy per entry).
    if (log.first > 64 && log.first * 2 > log.entries.length) {
      log.entries.splice(0, log.first);
      log.first = 0;
    }
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
      (this.#logs.size > this.#limits.contacts ||
        this.#total > this.#limits.totalEntries ||
        this.#totalBytes > this.#limits.totalBytes)
    ) {
      const oldest = this.#ended.keys().next().value ?? this.#logs.keys().next().value;
      if (oldest === undefined) break;
      this.#forget(oldest);
    }
  }

  #forget(contactId: string): void {
    const log = this.#logs.get(contactId);
    this.#total -= log ? log.entries.length - log.first : 0;
    this.#totalBytes -= log?.bytes ?? 0;
    this.#logs.delete(contactId);
    this.#ended.delete(contactId);
  }
}
