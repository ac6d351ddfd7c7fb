import type { BlockTraffic, FlowTraffic } from '@callflow/model/api-contract';
import { type ContactSnapshot, isContactOver, type TraceEntry } from '@callflow/runtime';

/** A stored trace entry with the version of its flow the contact ran (null when it names no flow). */
export interface TrafficRow {
  version: number | null;
  entry: TraceEntry;
}

/** Contacts whose traces are read per query to the store: memory holds the ids, not all the traces. */
export const TRAFFIC_BATCH = 200;

/**
 * The version of `flowId` a contact runs, stored beside each trace entry so that a version's traffic
 * is found by index: the contact's own flow's, or one it entered since (a module, a queue's flow).
 */
export function traceVersion(s: ContactSnapshot, flowId: string | undefined): number | null {
  if (flowId === undefined) return null;
  return flowId === s.flowId ? s.version : (s.versions[flowId] ?? null);
}

export interface TrafficQuery {
  flowId: string;
  version: number;
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
}

interface Visit {
  block: string;
  at: number;
  counted: boolean;
}

type Ending = { outcome: string } | 'hungUp' | 'left' | 'ended';

/**
 * Counts, from the trace of one contact after another, where calls went in one flow version: each
 * visit of a block that began in the period, and how it ended (an outcome, the caller's hang-up, left
 * while waiting, the contact ended) after how long. One pass over each trace, in seq order; memory
 * grows with the blocks and the visits' durations (for the p90), not with the traces.
 */
export class TrafficTally {
  readonly #blocks = new Map<string, BlockTraffic>();
  readonly #durations = new Map<string, number[]>();
  #calls = 0;

  constructor(readonly query: TrafficQuery) {}

  /** One contact's trace, oldest first; `over` when the contact has ended (nothing is still in a block). */
  addContact(rows: readonly TrafficRow[], over: boolean): void {
    const { flowId } = this.query;
    let open: Visit | undefined;
    let counted = false;
    let lastAt = 0;
    for (const { version, entry } of rows) {
      lastAt = entry.at;
      if (open && entry.left?.some((b) => b.flowId === flowId && b.block === open?.block)) {
        this.#close(open, 'left', entry.at);
        open = undefined;
      }
      if (entry.flowId === flowId && entry.block !== undefined) {
        if (open?.block !== entry.block) {
          // A block entered: the trace names a block the contact was not in (no outcome in between
          // happens only when a waiting frame was dropped unrecorded by an older engine).
          if (open) this.#close(open, 'left', entry.at);
          open = { block: entry.block, at: entry.at, counted: this.#inQuery(version, entry.at) };
          if (open.counted) {
            this.#block(entry.block).entered += 1;
            counted = true;
          }
        }
        if (entry.outcome !== undefined) {
          this.#close(open, { outcome: entry.outcome }, entry.at);
          open = undefined;
        }
      }
      if (open && entry.event === 'callerHangUp') {
        this.#close(open, 'hungUp', entry.at);
        open = undefined;
      }
    }
    if (open) {
      if (over) this.#close(open, 'ended', lastAt);
      else if (open.counted) this.#block(open.block).inBlock += 1;
    }
    if (counted) this.#calls += 1;
  }

  result(): FlowTraffic {
    const blocks: Record<string, BlockTraffic> = {};
    for (const id of [...this.#blocks.keys()].sort()) {
      const block = this.#blocks.get(id) as BlockTraffic;
      const durations = (this.#durations.get(id) ?? []).sort((a, b) => a - b);
      const count = durations.length;
      const total = durations.reduce((sum, d) => sum + d, 0);
      block.time = {
        count,
        totalMs: total,
        meanMs: count === 0 ? 0 : Math.round(total / count),
        // Nearest rank: the duration 90% of the visits did not exceed.
        p90Ms: count === 0 ? 0 : (durations[Math.ceil(count * 0.9) - 1] as number),
      };
      blocks[id] = block;
    }
    const { flowId, version, from, to } = this.query;
    return {
      flowId,
      version,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      calls: this.#calls,
      blocks,
    };
  }

  #inQuery(version: number | null, at: number): boolean {
    return version === this.query.version && at >= this.query.from && at < this.query.to;
  }

  #close(visit: Visit, ending: Ending, at: number): void {
    if (!visit.counted) return;
    const block = this.#block(visit.block);
    if (typeof ending === 'object')
      block.outcomes[ending.outcome] = (block.outcomes[ending.outcome] ?? 0) + 1;
    else block[ending] += 1;
    let durations = this.#durations.get(visit.block);
    if (!durations) {
      durations = [];
      this.#durations.set(visit.block, durations);
    }
    durations.push(Math.max(0, at - visit.at));
  }

  #block(id: string): BlockTraffic {
    let block = this.#blocks.get(id);
    if (!block) {
      block = {
        entered: 0,
        outcomes: {},
        hungUp: 0,
        left: 0,
        ended: 0,
        inBlock: 0,
        time: { count: 0, totalMs: 0, meanMs: 0, p90Ms: 0 },
      };
      this.#blocks.set(id, block);
    }
    return block;
  }
}

/** A contact_trace row as both stores read it for traffic, with its contact's status. */
export interface StoredTraceRow {
  contact_id: string;
  version: number | null;
  entry: string;
  status: string;
}

/** Rows of whole traces, ordered by contact then seq, handed to the tally one contact at a time. */
export function tallyRows(tally: TrafficTally, rows: readonly StoredTraceRow[]): void {
  let start = 0;
  for (let i = 1; i <= rows.length; i += 1) {
    if (i < rows.length && rows[i]?.contact_id === rows[start]?.contact_id) continue;
    const contact = rows.slice(start, i);
    tally.addContact(
      contact.map((r) => ({ version: r.version, entry: JSON.parse(r.entry) as TraceEntry })),
      isContactOver(contact[0]),
    );
    start = i;
  }
}
