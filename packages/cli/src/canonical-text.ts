import {
  type Flow,
  FORMAT_VERSION,
  formatFlow,
  formatFlowTest,
  formatResources,
  formatVersionProblems,
  type Problem,
  parseJsonDocument,
  type Resources,
} from '@callflow/model';
import { locateProblems } from './locate-problems.js';
import type { FileKind } from './workspace.js';

export type CanonicalResult =
  /** The file is already in canonical form. */
  | { status: 'canonical' }
  /** The canonical text differs from the file. */
  | { status: 'changed'; text: string }
  /** A flow in an older format version: `callflow migrate` upgrades and formats it. */
  | { status: 'outdated'; version: number }
  /** The file cannot be read as a document of its kind; it must not be rewritten. */
  | { status: 'unreadable'; problems: Problem[] };

/**
 * The canonical text of a flow, resources or flow test file. Only files that parse as JSON objects
 * with a version this callflow knows are formatted; the formatter keeps every key it does not know
 * (after the known ones), so formatting a file with schema errors loses nothing.
 */
export function canonicalText(kind: FileKind, text: string, file: string): CanonicalResult {
  const doc = parseJsonDocument(text, { file });
  if (doc.value === undefined || doc.problems.length > 0)
    return { status: 'unreadable', problems: doc.problems };
  const { version, problems } = formatVersionProblems(doc.value, kind === 'flow' ? 0 : 1);
  if (problems.length > 0) return { status: 'unreadable', problems: locateProblems(doc, problems, file) };
  if (kind === 'flow' && version !== undefined && version < FORMAT_VERSION)
    return { status: 'outdated', version };
  const canonical =
    kind === 'flow'
      ? formatFlow(doc.value as Flow)
      : kind === 'resources'
        ? formatResources(doc.value as Resources)
        : formatFlowTest(doc.value);
  return canonical === text ? { status: 'canonical' } : { status: 'changed', text: canonical };
}
