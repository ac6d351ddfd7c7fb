/**
 * The one place the server calls the model's checks, so that the store, publishing and the routes agree
 * with `callflow validate` and the editor on what "valid" means.
 */
import {
  checkFlowTestText,
  type Flow,
  formatFlow,
  formatFlowTest,
  formatResources,
  lintFlow,
  migrateFlow,
  type Problem,
  parseJsonDocument,
  type Resources,
  summarizeFlow,
  validateFlowSchema,
  validateResourcesSchema,
} from '@callflow/model';

export interface ParsedDocument {
  value?: unknown;
  problems: Problem[];
}

/** Strict JSON with line and column on syntax problems; schema checks come later, where they matter. */
function parseDocumentText(text: string, file: string): ParsedDocument {
  const doc = parseJsonDocument(text, { file });
  return doc.value === undefined ? { problems: doc.problems } : { value: doc.value, problems: doc.problems };
}

/**
 * A flow file as `callflow validate` reads it: strict JSON, then upgraded in memory to the current
 * format version (an older file, or one without `formatVersion`, is read as `callflow migrate` would
 * write it; a version newer than this service understands is a problem). One reading for both.
 */
export function parseFlowText(text: string, file: string): ParsedDocument {
  const doc = parseDocumentText(text, file);
  if (doc.value === undefined) return doc;
  const upgraded = upgradeFlow(doc.value);
  return upgraded.value === undefined
    ? { problems: [...doc.problems, ...upgraded.problems] }
    : { value: upgraded.value, problems: doc.problems };
}

export const parseResourcesText = parseDocumentText;

/**
 * `value` upgraded to the current format version with the model's migrations, as the CLI does; without a
 * value when its `formatVersion` cannot be used (not a whole number, newer than this service).
 */
export function upgradeFlow(value: unknown): { value?: unknown; problems: Problem[] } {
  const migration = migrateFlow(value);
  const errors = migration.problems.filter((p) => p.severity === 'error');
  return errors.length > 0 ? { problems: errors } : { value: migration.value, problems: [] };
}

/** A test file as the Tests tab reads it: its value only once it passes the flow test schema. */
export function parseFlowTestText(text: string, file: string): ParsedDocument {
  const checked = checkFlowTestText(text, { file });
  return checked.test ? { value: checked.test, problems: checked.problems } : { problems: checked.problems };
}

/**
 * The canonical text of a flow test document (as `callflow fmt` writes it) and its problems, located in
 * that text: line and column point into the file as it would be saved.
 */
export function checkFlowTestDocument(test: unknown, file: string): { text: string; problems: Problem[] } {
  const text = formatFlowTest(test);
  return { text, problems: checkFlowTestText(text, { file }).problems };
}

/** Where a JSON syntax error is, for `invalid_json` answers (1-based line and column). */
export function locateSyntaxError(text: string): { line: number; column: number } | undefined {
  const first = parseJsonDocument(text, { maxBytes: Number.POSITIVE_INFINITY }).problems[0];
  return first?.line !== undefined && first.column !== undefined
    ? { line: first.line, column: first.column }
    : undefined;
}

/** Schema problems of a flow body; no errors means the draft may be saved. */
export function flowSchemaProblems(value: unknown): Problem[] {
  return validateFlowSchema(value);
}

export function resourcesSchemaProblems(value: unknown): Problem[] {
  return validateResourcesSchema(value);
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
  return formatFlow(flow);
}

export function formatResourcesText(resources: Resources): string {
  return formatResources(resources);
}
