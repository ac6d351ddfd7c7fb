import { problem } from '../../problems.js';
import type { LintRule } from '../rule.js';
import { workingQueuesOnPaths } from '../working-queue-paths.js';

/**
 * CF607 (warning): Offer callback's "offer only when the wait is at least N s" reads the estimated wait
 * of the queue the caller waits in or, before Transfer to queue, of the working queue. On a path with
 * neither the estimate is 0, so the offer is never made there. Customer-queue flows always have a queue.
 */
export const callbackWait: LintRule = (flow, { graph }) => {
  const blocks = graph.list.filter((info) => {
    const min = info.settings.minEstimatedWaitSeconds;
    return (
      info.block.type === 'offerCallback' &&
      typeof min === 'number' &&
      min > 0 &&
      graph.reachable.has(info.id)
    );
  });
  if (blocks.length === 0) return [];
  const queues = workingQueuesOnPaths(flow, graph);
  return blocks.flatMap((info) => {
    const bare = queues.get(info.id)?.find((s) => s.queue.kind === 'none');
    if (!bare) return [];
    return [
      problem(
        'CF607',
        `Block "${info.id}" offers a callback only when the wait is at least ${String(info.settings.minEstimatedWaitSeconds)} s, but on the path ${bare.path.map((id) => `"${id}"`).join(' → ')} no working queue is set, so there is no wait to estimate and the callback is never offered; add a Set working queue before it.`,
        `${info.pointer}/settings/minEstimatedWaitSeconds`,
        { blockId: info.id },
      ),
    ];
  });
};
