import type { Flow, FlowType, ModuleInterface } from '../flow.js';
import type { Problem } from '../problems.js';
import type { Resources } from '../resources.js';
import type { FlowGraph } from './flow-graph.js';

/** What lint needs to know about the other flows of the project. */
export interface FlowSummary {
  id: string;
  type: FlowType;
  /**
   * A module's inputs and outputs. Absent means "not known" and invocations are not checked against it
   * (CF308); give `{}` for a module without parameters, as `summarizeFlow` does.
   */
  module?: ModuleInterface;
  /** Ids of the modules this flow invokes (for recursion through other modules, CF604). */
  invokes?: readonly string[];
  /** A module's outputs returned from one of its secure variables (copies into viewable ones, CF412). */
  secureOutputs?: readonly string[];
}

export interface LintContext {
  /** Without resources, references to queues, numbers, prompts and hours are not checked. */
  resources?: Resources;
  /** Without flows, references to other flows are not checked. */
  flows?: ReadonlyMap<string, FlowSummary>;
  /** `<id>.flow.json`: checked against the flow id (CF606). */
  fileName?: string;
}

/** What every rule receives: the caller's context and the graph built once for all rules. */
export interface RuleContext extends LintContext {
  graph: FlowGraph;
}

/** One lint rule: a pure function from a flow to its problems. Must not throw on a schema-valid flow. */
export type LintRule = (flow: Flow, context: RuleContext) => Problem[];
