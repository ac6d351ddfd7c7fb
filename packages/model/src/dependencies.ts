import type { Flow } from './flow.js';
import { buildFlowGraph } from './lint/flow-graph.js';
import { referencePointer } from './lint/reference-pointer.js';
import { ownEntry } from './own-entry.js';
import { type Problem, problem } from './problems.js';
import type { QueueResource, Resources } from './resources.js';

/** One flow that a flow needs at run time, and the block that needs it. */
export interface FlowDependency {
  /** The flow needed. */
  flowId: string;
  /** The block that needs it, and the JSON pointer of the setting that names it (or names its queue). */
  blockId: string;
  path: string;
  /** Why, in an admin's words: "module", "customer-queue flow of queue billing", "whisper flow". */
  via: string;
}

/** The flows a queue runs for its contacts, by the words the designer uses for them. */
const QUEUE_FLOWS: readonly [keyof QueueResource, string][] = [
  ['customerQueueFlow', 'customer-queue flow'],
  ['agentWhisperFlow', 'agent whisper flow'],
  ['customerWhisperFlow', 'customer whisper flow'],
  ['outboundWhisperFlow', 'outbound whisper flow'],
];

/**
 * The flows this flow needs when it runs: modules it invokes, whisper flows it sets, and every flow of
 * each queue it names (customer-queue and whisper flows, from the resources). Direct dependencies only;
 * the closure follows each of them in turn. A queue the resources do not have adds nothing (lint
 * reports it, CF300).
 */
export function flowDependencies(flow: Flow, resources?: Resources): FlowDependency[] {
  const out: FlowDependency[] = [];
  const seen = new Set<string>();
  const add = (dependency: FlowDependency) => {
    const key = `${dependency.flowId}|${dependency.blockId}|${dependency.via}`;
    if (dependency.flowId === flow.id || seen.has(key)) return;
    seen.add(key);
    out.push(dependency);
  };
  for (const info of buildFlowGraph(flow).list) {
    for (const reference of info.references) {
      const path = referencePointer(info, reference);
      if (reference.kind === 'flow') {
        const via = info.block.type === 'invokeModule' ? 'module' : 'whisper flow';
        add({ flowId: reference.name, blockId: info.id, path, via });
      } else if (reference.kind === 'queue') {
        const queue = ownEntry(resources?.queues, reference.name);
        if (!queue) continue;
        for (const [key, words] of QUEUE_FLOWS) {
          const target = queue[key];
          if (typeof target === 'string' && target !== '')
            add({ flowId: target, blockId: info.id, path, via: `${words} of queue ${reference.name}` });
        }
      }
    }
  }
  return out;
}

/** A flow that another one needs, as the service finds it before publishing. */
export interface UnpublishedDependency {
  flowId: string;
  /** Where it is needed: in which flow, at which block. */
  neededBy: (FlowDependency & { fromFlowId: string })[];
}

/**
 * CF311, one problem per block that needs a flow with no live version. Problems in the flow being
 * published point into it; those deeper in the closure name the flow they are in (`file`).
 */
export function unpublishedDependencyProblems(
  rootId: string,
  unpublished: readonly UnpublishedDependency[],
): Problem[] {
  return unpublished.flatMap(({ flowId, neededBy }) =>
    neededBy.map((need) => {
      const where = need.fromFlowId === rootId ? '' : ` (in flow "${need.fromFlowId}")`;
      const found = problem(
        'CF311',
        `Block "${need.blockId}"${where} needs flow "${flowId}" (${need.via}), which has no live version: publish it first, or publish with dependencies.`,
        need.path,
        { blockId: need.blockId },
      );
      if (need.fromFlowId !== rootId) found.file = `${need.fromFlowId}.flow.json`;
      return found;
    }),
  );
}
