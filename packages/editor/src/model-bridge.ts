/**
 * The few model functions the designer needs for checking and formatting, in one place. The model
 * package grows these while the designer is written; until an export exists a conservative stand-in
 * is used, so the designer never breaks and switches over without other changes.
 */

import type { Flow, LintContext, Problem } from '@callflow/model';
import * as model from '@callflow/model';

type Exports = Record<string, unknown>;
const exportsOf = model as unknown as Exports;

function fn<T>(name: string): T | undefined {
  const value = exportsOf[name];
  return typeof value === 'function' ? (value as T) : undefined;
}

/** Canonical text of a flow: what is saved and exported (fixed key order, 2 spaces, final newline). */
export function formatFlowText(flow: Flow): string {
  const format = fn<(flow: Flow) => string>('formatFlow');
  if (format) return format(flow);
  return `${JSON.stringify(flow, null, 2)}\n`;
}

/** Schema problems of a parsed document (empty when it matches the flow schema). */
export function schemaProblems(value: unknown): Problem[] {
  const validate = fn<(value: unknown) => unknown>('validateFlowSchema');
  if (!validate) return [];
  return problemsOf(validate(value));
}

export interface TextCheck {
  /** The parsed flow when the text is JSON of the right shape. */
  flow?: Flow;
  problems: Problem[];
}

/** Parses and fully checks a flow file's text (JSON, schema, lint). */
export function checkText(text: string, context: LintContext = {}): TextCheck {
  const check = fn<(text: string, context?: LintContext) => unknown>('checkFlowText');
  if (check) {
    const result = check(text, context);
    const problems = problemsOf(result);
    const flow = (result as { flow?: Flow } | undefined)?.flow;
    return flow ? { flow, problems } : { problems };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return {
      problems: [model.problem('CF001', `Not valid JSON: ${(error as Error).message}`, '')],
    };
  }
  const schema = schemaProblems(parsed);
  if (schema.length > 0) return { problems: schema };
  const flow = parsed as Flow;
  return { flow, problems: model.lintFlow(flow, context) };
}

/** Every problem of an in-memory flow (schema, then lint when the schema holds). */
export function checkFlow(flow: Flow, context: LintContext = {}): Problem[] {
  const schema = schemaProblems(flow);
  if (schema.some((p) => p.severity === 'error')) return schema;
  return [...schema, ...model.lintFlow(flow, context)];
}

function problemsOf(result: unknown): Problem[] {
  if (Array.isArray(result)) return result as Problem[];
  const problems = (result as { problems?: unknown } | undefined)?.problems;
  return Array.isArray(problems) ? (problems as Problem[]) : [];
}
