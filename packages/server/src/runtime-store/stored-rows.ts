import { type CallbackRequest, type Command, parseSnapshot } from '@callflow/runtime';
import { SealedValueError, type SecretBox } from '../db/secret-box.js';
import type { CallbackKind, CallbackRow, StoredContact } from '../runtime-host/contact-repository.js';
import type { Offer, QueueEntry, StoredVersion } from './runtime-store.js';

/** A callbacks row as both databases return it. */
export interface RawCallbackRow {
  id: string;
  kind: CallbackKind;
  name: string | null;
  number: string;
  queue: string;
  status: string;
  requested_by: string;
  created_at: string;
}

export function toCallbackRow(row: RawCallbackRow): CallbackRow {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    number: row.number,
    queue: row.queue,
    status: row.status,
    requestedBy: row.requested_by,
    createdAt: row.created_at,
  };
}

/** A contact as stored (sealed JSON), opened; undefined (and `unreadable` told) when sealed with another key. */
export function openContact(
  box: SecretBox,
  row: { id: string; snapshot: string; pending: string },
  unreadable: (id: string, error: SealedValueError) => void,
): StoredContact | undefined {
  try {
    return {
      snapshot: parseSnapshot(box.open(row.snapshot)),
      pending: JSON.parse(box.open(row.pending)) as Command[],
    };
  } catch (error) {
    if (!(error instanceof SealedValueError)) throw error;
    unreadable(row.id, error);
    return undefined;
  }
}

/** Sealed callback requests, opened; those sealed with another key are left out. */
export function openRequests(box: SecretBox, rows: readonly { request: string }[]): CallbackRequest[] {
  return rows.flatMap((r) => {
    try {
      return [JSON.parse(box.open(r.request)) as CallbackRequest];
    } catch (error) {
      if (!(error instanceof SealedValueError)) throw error;
      return [];
    }
  });
}

/** A published version joined with its flow's live version, as both databases return it. */
export interface VersionRow {
  flow_id: string;
  version: number;
  content: string;
  etag: string;
  published_at: string;
  published_by: string;
  note: string | null;
  live_version: number | null;
}

export function toVersion(row: VersionRow): StoredVersion {
  return {
    flowId: row.flow_id,
    version: row.version,
    content: row.content,
    etag: row.etag,
    publishedAt: row.published_at,
    publishedBy: row.published_by,
    note: row.note,
    live: row.live_version === row.version,
  };
}

/** A queue_entries row: SQLite keeps `exclude` as JSON text, PostgreSQL as a text array. */
export interface QueueRow {
  contact_id: string;
  queue: string;
  agent_group: string;
  kind: 'call' | 'callback';
  enqueued_at: number;
  seq: number;
  exclude: string | string[];
}

export function toQueueEntry(row: QueueRow): QueueEntry {
  return {
    contactId: row.contact_id,
    queue: row.queue,
    agentGroup: row.agent_group,
    kind: row.kind,
    enqueuedAt: row.enqueued_at,
    seq: row.seq,
    exclude: typeof row.exclude === 'string' ? (JSON.parse(row.exclude) as string[]) : row.exclude,
  };
}

/** An agent_offers row as both databases return it. */
export interface OfferRow {
  agent: string;
  contact_id: string;
  queue: string | null;
  offered_at: number;
}

export function toOffer(row: OfferRow): Offer {
  return { agent: row.agent, contactId: row.contact_id, queue: row.queue, offeredAt: row.offered_at };
}
