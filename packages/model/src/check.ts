import type { Flow } from './flow.js';
import { type JsonDocument, parseJsonDocument } from './json-document.js';
import { type FlowSummary, lintFlow } from './lint/index.js';
import { formatVersionProblems, type Migration, migrateFlow } from './migrate/index.js';
import type { Problem } from './problems.js';
import type { Resources } from './resources.js';
import { lintResources } from './resources-lint.js';
import { validateFlowSchema, validateFlowTestSchema, validateResourcesSchema } from './validate.js';

export interface CheckOptions {
  /** Shown in every problem; its base name is checked against the flow id (`<id>.flow.json`). */
  file?: string;
  /** Size cap in bytes (default MAX_FLOW_FILE_BYTES). */
  maxBytes?: number;
}

export interface FlowCheckOptions extends CheckOptions {
  /** Without resources, references to queues, numbers, prompts and hours are not checked. */
  resources?: Resources;
  /** Without flows, references to other flows are not checked. */
  flows?: ReadonlyMap<string, FlowSummary>;
}

export interface FlowCheckResult {
  /** The flow at the current format version, present once it passed the schema (lint problems may remain). */
  flow?: Flow;
  /** Set when the file was written in an older format version and upgraded in memory. */
  migratedFrom?: number;
  /** The migrations applied, oldest first. */
  migrations?: readonly Migration[];
  /** Every problem with file, line and column, sorted by position. */
  problems: Problem[];
}

/**
 * Checks the text of a flow file the way `callflow validate`, the server and the editor do:
 * parse -> migrate -> schema -> lint (lint only runs on a flow the schema accepts). Never throws on any text.
 */
export function checkFlowText(text: string, options: FlowCheckOptions = {}): FlowCheckResult {
  const doc = parseJsonDocument(text, options);
  if (doc.value === undefined || doc.problems.length > 0)
    return { problems: located(doc, doc.problems, options) };
  const migration = migrateFlow(doc.value);
  const result: FlowCheckResult = { problems: [] };
  if (migration.applied.length > 0) {
    result.migratedFrom = migration.fromVersion;
    result.migrations = migration.applied;
  }
  const at = (problems: Problem[]) => located(doc, problems, options, migration.sourcePointer);
  if (migration.problems.length > 0) return { ...result, problems: at(migration.problems) };
  const schema = validateFlowSchema(migration.value);
  if (schema.length > 0) return { ...result, problems: at(schema) };
  const flow = migration.value as Flow;
  const fileName = options.file?.split(/[\\/]/).pop();
  const lint = lintFlow(flow, {
    ...(options.resources ? { resources: options.resources } : {}),
    ...(options.flows ? { flows: options.flows } : {}),
    ...(fileName ? { fileName } : {}),
  });
  return { ...result, flow, problems: at(lint) };
}

export interface ResourcesCheckResult {
  /** Present once the file passed the schema. */
  resources?: Resources;
  problems: Problem[];
}

/** Checks the text of a resources file: parse -> version -> schema. Never throws. */
export function checkResourcesText(text: string, options: CheckOptions = {}): ResourcesCheckResult {
  const { value, problems, doc } = checkDocument(text, options, validateResourcesSchema);
  if (value === undefined || !doc) return { problems };
  const resources = value as Resources;
  return { resources, problems: located(doc, lintResources(resources), options) };
}

export interface FlowTestCheckResult {
  /** The flow test document, present once it passed the schema (shape of schemas/flow-test.schema.json). */
  test?: Record<string, unknown>;
  problems: Problem[];
}

/** Checks the text of a flow test file: parse -> version -> schema. Never throws. */
export function checkFlowTestText(text: string, options: CheckOptions = {}): FlowTestCheckResult {
  const { value, problems } = checkDocument(text, options, validateFlowTestSchema);
  return value === undefined ? { problems } : { test: value as Record<string, unknown>, problems };
}

function checkDocument(
  text: string,
  options: CheckOptions,
  validate: (doc: unknown) => Problem[],
): { value?: unknown; problems: Problem[]; doc?: JsonDocument } {
  const doc = parseJsonDocument(text, options);
  if (doc.value === undefined || doc.problems.length > 0)
    return { problems: located(doc, doc.problems, options) };
  const version = formatVersionProblems(doc.value, 1);
  if (version.problems.length > 0) return { problems: located(doc, version.problems, options) };
  const schema = validate(doc.value);
  if (schema.length > 0) return { problems: located(doc, schema, options) };
  return { value: doc.value, problems: [], doc };
}

/** Gives each problem its file, line and column (from the nearest pointer that exists in the text). */
function located(
  doc: JsonDocument,
  problems: readonly Problem[],
  options: CheckOptions,
  sourcePointer: (pointer: string) => string = (p) => p,
): Problem[] {
  const out = problems.map((p) => {
    const q: Problem = { ...p };
    if (options.file !== undefined && q.file === undefined) q.file = options.file;
    if (q.line === undefined) {
      let pointer = sourcePointer(q.path);
      let position = doc.locate(pointer);
      while (!position && pointer !== '') {
        pointer = pointer.slice(0, Math.max(pointer.lastIndexOf('/'), 0));
        position = doc.locate(pointer);
      }
      if (position) {
        q.line = position.line;
        q.column = position.column;
      }
    }
    return q;
  });
  return out
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.line ?? 0) - (b.p.line ?? 0) || (a.p.column ?? 0) - (b.p.column ?? 0) || a.i - b.i)
    .map(({ p }) => p);
}
