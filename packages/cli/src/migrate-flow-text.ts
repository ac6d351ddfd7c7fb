import { type Flow, formatFlow, migrateFlow, type Problem, parseJsonDocument } from '@callflow/model';
import { locateProblems } from './locate-problems.js';

export type MigrateResult =
  | { status: 'current' }
  /** `steps` reads like `v0 -> v1 (0001-blocks-map: what changed)`, one entry per migration applied. */
  | { status: 'upgraded'; text: string; steps: string[] }
  | { status: 'unreadable'; problems: Problem[] };

/** Upgrades the text of a flow file to the current format version, in canonical form. */
export function migrateFlowText(text: string, file: string): MigrateResult {
  const doc = parseJsonDocument(text, { file });
  if (doc.value === undefined || doc.problems.length > 0)
    return { status: 'unreadable', problems: doc.problems };
  const migration = migrateFlow(doc.value);
  if (migration.problems.length > 0) {
    return { status: 'unreadable', problems: locateProblems(doc, migration.problems, file) };
  }
  if (migration.applied.length === 0) return { status: 'current' };
  return {
    status: 'upgraded',
    text: formatFlow(migration.value as Flow),
    steps: migration.applied.map((m) => `v${m.from} -> v${m.to} (${m.name}: ${m.description})`),
  };
}
