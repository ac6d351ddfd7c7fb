import { type CallbackRequest, type Command, parseSnapshot } from '@callflow/runtime';
import { SealedValueError, type SecretBox } from '../db/secret-box.js';
import type { CallbackKind, CallbackRow, StoredContact } from '../runtime-host/contact-repository.js';

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
