import type { FlowTraffic } from '@callflow/model/api-contract';
import type { Db } from '../db/database.js';
import {
  type StoredTraceRow,
  TRAFFIC_BATCH,
  type TrafficQuery,
  TrafficTally,
  tallyRows,
} from './traffic-tally.js';

/**
 * A flow version's traffic from the SQLite store: the contacts with an entry of the version in the
 * period (found by the contact_trace_by_flow index), then their whole traces a batch at a time, each
 * read once in seq order.
 */
export function sqliteTraffic(db: Db, query: TrafficQuery): FlowTraffic {
  const ids = (
    db
      .prepare(
        `SELECT DISTINCT contact_id FROM contact_trace
         WHERE flow_id = ? AND version = ? AND at >= ? AND at < ? ORDER BY contact_id`,
      )
      .pluck()
      .all(query.flowId, query.version, query.from, query.to) as string[]
  ).slice();
  const tally = new TrafficTally(query);
  for (let start = 0; start < ids.length; start += TRAFFIC_BATCH) {
    const batch = ids.slice(start, start + TRAFFIC_BATCH);
    const rows = db
      .prepare(
        `SELECT t.contact_id, t.version, t.entry, c.status FROM contact_trace t
         JOIN contacts c ON c.id = t.contact_id
         WHERE t.contact_id IN (SELECT value FROM json_each(?)) ORDER BY t.contact_id, t.seq`,
      )
      .all(JSON.stringify(batch)) as StoredTraceRow[];
    tallyRows(tally, rows);
  }
  return tally.result();
}
