import { problem } from '../../problems.js';
import type { LintRule } from '../rule.js';

/**
 * CF600: Set working queue comes before Transfer to queue on every path from the start (docs/domain.md#flow-types).
 * Not required in customer-queue flows, nor when the transfer names its queue.
 *
 * "Set on every path" is a must-analysis; since a working queue once set stays set, a transfer lacks
 * it exactly when it can be reached from the start without passing a Set working queue's `success`
 * outcome. One breadth-first walk that does not follow those edges finds every such transfer, and the
 * shortest offending path to show the admin.
 */
export const workingQueue: LintRule = (flow, { graph }) => {
  if (flow.type === 'customer-queue' || !graph.reachable.has(flow.start)) return [];
  const parent = new Map<string, string>();
  const seen = new Set([flow.start]);
  const queue = [flow.start];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    const isSetter = graph.blocks.get(id)!.block.type === 'setWorkingQueue';
    for (const { outcome, target } of graph.edges.get(id) ?? []) {
      if ((isSetter && outcome === 'success') || seen.has(target)) continue;
      seen.add(target);
      parent.set(target, id);
      queue.push(target);
    }
  }
  return queue
    .map((id) => graph.blocks.get(id)!)
    .filter((info) => info.block.type === 'transferToQueue' && typeof info.settings.queue !== 'string')
    .map((info) => {
      const path = [info.id];
      while (parent.has(path[0]!)) path.unshift(parent.get(path[0]!)!);
      const route = path.length > 2 ? ` (${path.map((id) => `"${id}"`).join(' → ')})` : '';
      return problem(
        'CF600',
        `Block "${info.id}" transfers to the working queue, but no Set working queue comes before it on the path from "${flow.start}"${route}; add a Set working queue block on that path.`,
        info.pointer,
        { blockId: info.id },
      );
    });
};
