import type { Flow } from '../flow.js';
import { buildFlowGraph, type FlowGraph } from './flow-graph.js';

/**
 * The queue a contact has when it reaches a block along one path, as the runtime reads it for caller ID
 * (`contact.queue` while the caller waits in a queue, else the working queue `$queueName`):
 * - `none`: no Set working queue on this path (and the contact is not waiting in a queue);
 * - `set`: the last Set working queue on this path chose `queue`;
 * - `waiting`: a customer-queue flow runs while the caller waits in a queue; that queue wins over any
 *   working queue the flow sets, and which queue it is depends on who uses the flow (resources).
 */
export type PathQueue = { kind: 'none' } | { kind: 'set'; queue: string } | { kind: 'waiting' };

export interface QueueOnPath {
  queue: PathQueue;
  /** The shortest path from the start block to the block (both included) along which this holds. */
  path: string[];
}

function keyOf(queue: PathQueue): string {
  return queue.kind === 'set' ? `set:${queue.queue}` : queue.kind;
}

/**
 * For every block reachable from the start, each distinct queue the contact can have on arriving there,
 * with the shortest path that leads to it. One breadth-first walk over (block, queue) pairs: there are
 * at most blocks × (queues set in the flow + 2) of them. A Set working queue changes the queue only on
 * its `success` outcome (its `error` leaves the previous one). Modules are not followed: a queue a
 * module sets is not seen after it returns, and a module starts from `none`.
 */
export function workingQueuesOnPaths(
  flow: Flow,
  graph: FlowGraph = buildFlowGraph(flow),
): Map<string, QueueOnPath[]> {
  const result = new Map<string, QueueOnPath[]>();
  if (typeof flow.start !== 'string' || !graph.blocks.has(flow.start)) return result;
  const entry: PathQueue = flow.type === 'customer-queue' ? { kind: 'waiting' } : { kind: 'none' };
  const parent = new Map<string, string | undefined>();
  const states = new Map<string, { block: string; queue: PathQueue }>();
  const visit = (block: string, queue: PathQueue, from: string | undefined): string | undefined => {
    const key = `${block}\u0000${keyOf(queue)}`;
    if (states.has(key)) return undefined;
    states.set(key, { block, queue });
    parent.set(key, from);
    return key;
  };
  const queue = [visit(flow.start, entry, undefined)!];
  for (let i = 0; i < queue.length; i++) {
    const key = queue[i]!;
    const { block, queue: here } = states.get(key)!;
    const info = graph.blocks.get(block)!;
    const chosen = info.settings.queue;
    for (const { outcome, target } of graph.edges.get(block) ?? []) {
      const sets =
        info.block.type === 'setWorkingQueue' &&
        outcome === 'success' &&
        here.kind !== 'waiting' &&
        typeof chosen === 'string';
      const next = visit(target, sets ? { kind: 'set', queue: chosen } : here, key);
      if (next !== undefined) queue.push(next);
    }
  }
  for (const key of queue) {
    const { block, queue: q } = states.get(key)!;
    const list = result.get(block) ?? [];
    list.push(arrival(q, () => pathTo(key, states, parent)));
    result.set(block, list);
  }
  return result;
}

/**
 * A queue on arrival whose path is worked out only when read: lint asks only for the queues, and writing
 * out every path of a 1,000-block chain costs far more than the walk itself (half a million entries).
 */
function arrival(queue: PathQueue, walk: () => string[]): QueueOnPath {
  let path: string[] | undefined;
  const found = { queue } as QueueOnPath;
  Object.defineProperty(found, 'path', { enumerable: true, get: () => (path ??= walk()) });
  return found;
}

function pathTo(
  key: string,
  states: ReadonlyMap<string, { block: string }>,
  parent: ReadonlyMap<string, string | undefined>,
): string[] {
  const path: string[] = [];
  for (let at: string | undefined = key; at !== undefined; at = parent.get(at))
    path.push(states.get(at)!.block);
  return path.reverse();
}
