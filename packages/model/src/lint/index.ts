import type { Flow, FlowType, ModuleInterface } from '../flow.js';
import type { Problem } from '../problems.js';
import type { Resources } from '../resources.js';

/** What lint needs to know about the other flows of the project. */
export interface FlowSummary {
  id: string;
  type: FlowType;
  module?: ModuleInterface;
}

export interface LintContext {
  /** Without resources, references to queues, numbers, prompts and hours are not checked. */
  resources?: Resources;
  /** Without flows, references to other flows are not checked. */
  flows?: ReadonlyMap<string, FlowSummary>;
  /** `<id>.flow.json`: checked against the flow id (CF606). */
  fileName?: string;
}

/** Semantic checks over a flow that already passed the schema. Placeholder until the rules land. */
export function lintFlow(_flow: Flow, _context: LintContext = {}): Problem[] {
  return [];
}
