import { obj } from '../blocks/index.js';
import type { Flow } from '../flow.js';
import type { Problem } from '../problems.js';
import { buildFlowGraph } from './flow-graph.js';
import type { FlowSummary, LintContext, LintRule } from './rule.js';
import { callbackWait } from './rules/callback-wait.js';
import { callerId } from './rules/caller-id.js';
import { conditionTypes } from './rules/condition-types.js';
import { dialNumbers } from './rules/dial-numbers.js';
import { fileName } from './rules/file-name.js';
import { flowReferences } from './rules/flow-references.js';
import { flowTypeBlocks } from './rules/flow-type-blocks.js';
import { httpTarget } from './rules/http-target.js';
import { layoutBlocks } from './rules/layout-blocks.js';
import { loopsNeverWait } from './rules/loops-never-wait.js';
import { moduleParameters } from './rules/module-parameters.js';
import { moduleRecursion } from './rules/module-recursion.js';
import { moduleReturns } from './rules/module-returns.js';
import { nameClashes } from './rules/name-clashes.js';
import { noteBlocks } from './rules/note-blocks.js';
import { outcomesWired } from './rules/outcomes-wired.js';
import { percentSharesRule } from './rules/percent-shares.js';
import { popover } from './rules/popover.js';
import { recordingPause } from './rules/recording-pause.js';
import { resourceReferences } from './rules/resource-references.js';
import { secureCopies, secureOutputsOf } from './rules/secure-copies.js';
import { secureMessages } from './rules/secure-messages.js';
import { selfLoops } from './rules/self-loops.js';
import { startExists } from './rules/start-exists.js';
import { transitionTargets } from './rules/transition-targets.js';
import { unknownOutcomes } from './rules/unknown-outcomes.js';
import { unreachableBlocks } from './rules/unreachable-blocks.js';
import { variableDeclarations } from './rules/variable-declarations.js';
import { variableReferences } from './rules/variable-references.js';
import { workingQueue } from './rules/working-queue.js';

export type { FlowSummary, LintContext, LintRule, RuleContext } from './rule.js';
export { type PathQueue, type QueueOnPath, workingQueuesOnPaths } from './working-queue-paths.js';

/** Every rule, in the order their problems are reported: structure, references, variables, numbers, rules. */
export const LINT_RULES: readonly LintRule[] = [
  startExists,
  transitionTargets,
  outcomesWired,
  unknownOutcomes,
  unreachableBlocks,
  loopsNeverWait,
  flowTypeBlocks,
  layoutBlocks,
  noteBlocks,
  selfLoops,
  percentSharesRule,
  resourceReferences,
  flowReferences,
  variableReferences,
  conditionTypes,
  moduleParameters,
  popover,
  secureCopies,
  secureMessages,
  variableDeclarations,
  nameClashes,
  dialNumbers,
  callerId,
  workingQueue,
  callbackWait,
  httpTarget,
  moduleReturns,
  recordingPause,
  moduleRecursion,
  fileName,
];

/**
 * Semantic checks over a flow that already passed the schema. The graph is built once and shared by
 * every rule, so a run is linear in the size of the flow.
 */
export function lintFlow(flow: Flow, context: LintContext = {}): Problem[] {
  const ruleContext = { ...context, graph: buildFlowGraph(flow) };
  return LINT_RULES.flatMap((rule) => rule(flow, ruleContext));
}

/** What other flows' lint needs to know about this one (for `LintContext.flows`). */
export function summarizeFlow(flow: Flow): FlowSummary {
  const invokes = new Set<string>();
  for (const block of Object.values(obj(flow.blocks) ?? {})) {
    const settings = obj(obj(block)?.settings);
    if (obj(block)?.type === 'invokeModule' && typeof settings?.module === 'string')
      invokes.add(settings.module);
  }
  const secureOutputs = secureOutputsOf(flow);
  return {
    id: flow.id,
    type: flow.type,
    ...(flow.module || flow.type === 'module' ? { module: flow.module ?? {} } : {}),
    ...(invokes.size > 0 ? { invokes: [...invokes] } : {}),
    ...(secureOutputs.length > 0 ? { secureOutputs } : {}),
  };
}
