/** The model's checks and canonical format, in the shapes the designer uses. */
import {
  checkFlowText,
  type Flow,
  type FlowCheckResult,
  formatFlow,
  type LintContext,
  lintFlow,
  type Problem,
  validateFlowSchema,
} from '@callflow/model';

/** Canonical text of a flow: what is saved and exported (fixed key order, 2 spaces, final newline). */
export function formatFlowText(flow: Flow): string {
  return formatFlow(flow);
}

/** Schema problems of a parsed document (empty when it matches the flow schema). */
export function schemaProblems(value: unknown): Problem[] {
  return validateFlowSchema(value);
}

/** Parses and fully checks a flow file's text (JSON, format version, schema, lint). */
export function checkText(
  text: string,
  context: LintContext = {},
): Pick<FlowCheckResult, 'flow' | 'problems'> {
  const options: Parameters<typeof checkFlowText>[1] = {};
  if (context.resources) options.resources = context.resources;
  if (context.flows) options.flows = context.flows;
  const { flow, problems } = checkFlowText(text, options);
  return flow ? { flow, problems } : { problems };
}

/** Every problem of the flow being edited: schema first, lint once the schema holds. */
export function checkFlow(flow: Flow, context: LintContext = {}): Problem[] {
  const schema = schemaProblems(flow);
  if (schema.some((p) => p.severity === 'error')) return schema;
  return [...schema, ...lintFlow(flow, context)];
}
