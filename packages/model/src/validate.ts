import {
  type CompiledValidator,
  validateFlow,
  validateFlowTest,
  validateResources,
} from './compiled-validators.js';
import { type Problem, problem } from './problems.js';
import { schemaProblems } from './schema-problems.js';
import type { SchemaDocumentKind } from './schema-wording.js';

function run(validator: CompiledValidator, doc: unknown, kind: SchemaDocumentKind): Problem[] {
  try {
    if (validator(doc)) return [];
  } catch (error) {
    // Recursive definitions (conditions) recurse once per level: absurd nesting exhausts the stack.
    if (!(error instanceof RangeError)) throw error;
    return [problem('CF100', 'The document is nested too deeply to be checked.', '')];
  }
  return schemaProblems(validator.errors ?? [], doc, kind);
}

/** Checks a flow document (already migrated to FORMAT_VERSION) against schemas/flow.schema.json. */
export function validateFlowSchema(doc: unknown): Problem[] {
  return run(validateFlow, doc, 'flow');
}

/** Checks a resources document against schemas/resources.schema.json. */
export function validateResourcesSchema(doc: unknown): Problem[] {
  return run(validateResources, doc, 'resources');
}

/** Checks a flow test document against schemas/flow-test.schema.json. */
export function validateFlowTestSchema(doc: unknown): Problem[] {
  return run(validateFlowTest, doc, 'flowTest');
}
