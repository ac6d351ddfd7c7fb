import { obj } from '../../blocks/index.js';
import { checkDialNumber, isAccountNumber } from '../../numbers/index.js';
import { type Problem, pointer, problem } from '../../problems.js';
import type { LintRule, RuleContext } from '../rule.js';
import { type QueueOnPath, workingQueuesOnPaths } from '../working-queue-paths.js';

const CALLER_ID_BLOCKS: ReadonlySet<string> = new Set(['transferToNumber', 'callPhoneNumber']);
const SIP_RESERVED = /[;/?:@&=+$,]/g;

/**
 * Caller ID (docs/domain.md#caller-id): a fixed caller ID written as a number is a valid number (CF500) and one of
 * the account's numbers, or carriers outside the US may block it (CF502, warning; only with resources).
 * Fixed caller IDs written as a name are resource references (CF301). Caller-ID names may not hold
 * SIP-reserved characters (CF503). A transfer's strategy that needs a queue or an agent no path into
 * the block provides always falls back to the principal number (CF505, warning).
 */
export const callerId: LintRule = (flow, { graph, resources }) => {
  const problems: Problem[] = [];
  let queues: Map<string, QueueOnPath[]> | undefined;
  for (const info of graph.list) {
    if (info.block.type === 'transferToNumber' && graph.reachable.has(info.id)) {
      queues ??= workingQueuesOnPaths(flow, graph);
      const found = strategyWithoutMeans(info.id, obj(info.settings.callerId)?.strategy, queues, graph);
      if (found) problems.push(found);
    }
    if (!CALLER_ID_BLOCKS.has(info.block.type)) continue;
    const at = (...segments: string[]) => `${info.pointer}${pointer('settings', ...segments)}`;
    const setting = obj(info.settings.callerId);
    const number = setting?.strategy === 'fixed' ? setting.number : undefined;
    if (typeof number === 'string' && /^[+0-9]/.test(number)) {
      const result = checkDialNumber(number, { defaultRegion: resources?.account?.defaultRegion ?? 'US' });
      if (!result.ok) {
        problems.push(
          problem('CF500', `Block "${info.id}", caller ID: ${result.message}`, at('callerId', 'number'), {
            blockId: info.id,
          }),
        );
      } else if (resources && !isAccountNumber(resources, result.e164)) {
        problems.push(
          problem(
            'CF502',
            `Block "${info.id}" shows caller ID ${result.e164}, which is not one of the account's numbers; carriers outside the US may block the call. Add it under "numbers" in resources or pick an account number.`,
            at('callerId', 'number'),
            { blockId: info.id },
          ),
        );
      }
    }
    const name = info.settings.callerIdName;
    if (typeof name === 'string') {
      const reserved = [...new Set(name.match(SIP_RESERVED) ?? [])];
      if (reserved.length > 0) {
        problems.push(
          problem(
            'CF503',
            `Block "${info.id}" has the caller ID name "${name}", which contains ${reserved.map((c) => `"${c}"`).join(' ')}; caller ID names cannot hold ; / ? : @ & = + $ , — remove them.`,
            at('callerIdName'),
            { blockId: info.id },
          ),
        );
      }
    }
  }
  return problems;
};

/** CF505: the strategy reads a queue (or an agent) that none of the paths into the transfer has. */
function strategyWithoutMeans(
  blockId: string,
  strategy: unknown,
  queues: Map<string, QueueOnPath[]>,
  graph: RuleContext['graph'],
): Problem | undefined {
  const at = `${graph.blocks.get(blockId)!.pointer}/settings/callerId/strategy`;
  if (strategy === 'agentChoice') {
    return problem(
      'CF505',
      `Block "${blockId}" lets the agent choose the caller ID, but a flow's transfer is placed by no agent, so the called party always sees the principal number; pick another strategy.`,
      at,
      { blockId },
    );
  }
  if (strategy !== 'queue' && strategy !== 'agentGroup') return undefined;
  if ((queues.get(blockId) ?? []).some((s) => s.queue.kind !== 'none')) return undefined;
  const what =
    strategy === 'queue'
      ? "the working queue's outbound caller ID"
      : "the number of the working queue's agent group";
  return problem(
    'CF505',
    `Block "${blockId}" shows ${what}, but no path into it sets a working queue, so the called party always sees the principal number; add a Set working queue before it or pick another strategy.`,
    at,
    { blockId },
  );
}
