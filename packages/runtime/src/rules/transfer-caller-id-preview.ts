import {
  type CallerIdSetting,
  checkDialNumber,
  type Flow,
  type PathQueue,
  type Resources,
  workingQueuesOnPaths,
} from '@callflow/model';
import { dequal } from 'dequal';
import { type CallerIdDecision, resolveCallerId } from './caller-id.js';
import { transferCallerIdSituation } from './transfer-caller-id.js';

/** One way into the block: what the contact has there, in words, and a path that leads to it. */
export interface PreviewSituation {
  /** "no working queue is set", `working queue "support"`, `the caller waits in queue "sales"`. */
  when: string;
  /** The queue the runtime reads there (absent: none). */
  queue?: string;
  /** The shortest path from the start block to the block that has this situation. */
  path: string[];
}

/** One answer, and every situation into the block that leads to it. */
export interface PreviewAnswer {
  decision: CallerIdDecision;
  situations: PreviewSituation[];
}

export interface TransferPreviewExample {
  /** The caller's number the preview assumes. */
  callerNumber: string;
  /** The number dialled when the block reads it from a variable. */
  dialedNumber: string;
}

/**
 * The caller ID a flow's Transfer to phone number shows, for each situation the paths into it create
 * (docs/domain.md#caller-id; docs/caller-id.md "The preview"). Each answer is `resolveCallerId` on the same
 * situation the block builds at run time (`transferCallerIdSituation`); situations that lead to the
 * same decision share one answer. Empty when no path from the start reaches the block.
 */
export function transferCallerIdPreview(
  flow: Flow,
  blockId: string,
  resources: Resources,
  example: TransferPreviewExample,
): PreviewAnswer[] {
  const block = flow.blocks[blockId];
  if (!block) return [];
  const settings = block.settings as { to?: { value?: unknown }; callerId?: CallerIdSetting };
  const typed =
    typeof settings.to?.value === 'string'
      ? checkDialNumber(settings.to.value, { defaultRegion: resources.account.defaultRegion })
      : undefined;
  const dialedNumber = typed?.ok ? typed.e164 : example.dialedNumber;
  const variables = (name: string) => flow.variables?.[name]?.default;
  const answers: PreviewAnswer[] = [];
  for (const { queue, path } of workingQueuesOnPaths(flow).get(blockId) ?? []) {
    for (const situation of situationsOf(queue, path, flow, resources)) {
      const decision = resolveCallerId(
        transferCallerIdSituation({
          ...(settings.callerId ? { setting: settings.callerId } : {}),
          resources,
          callerNumber: example.callerNumber,
          dialedNumber,
          ...(situation.queue !== undefined ? { queue: situation.queue } : {}),
          variables,
          random: () => 0,
        }),
      );
      const same = answers.find((a) => dequal(a.decision, decision));
      if (same) same.situations.push(situation);
      else answers.push({ decision, situations: [situation] });
    }
  }
  return answers;
}

function situationsOf(
  queue: PathQueue,
  path: string[],
  flow: Flow,
  resources: Resources,
): PreviewSituation[] {
  if (queue.kind === 'none') return [{ when: 'no working queue is set', path }];
  if (queue.kind === 'set') return [{ when: `working queue "${queue.queue}"`, queue: queue.queue, path }];
  // A customer-queue flow runs for the queues that name it; the caller's queue is the one shown.
  const users = Object.entries(resources.queues)
    .filter(([, q]) => q.customerQueueFlow === flow.id)
    .map(([name]) => name);
  if (users.length === 0) return [{ when: 'the caller waits in a queue that does not name this flow', path }];
  return users.map((name) => ({ when: `the caller waits in queue "${name}"`, queue: name, path }));
}
