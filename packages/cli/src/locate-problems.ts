import type { JsonDocument, Problem } from '@callflow/model';

/** Gives problems found on a parsed document their file, line and column. */
export function locateProblems(doc: JsonDocument, problems: readonly Problem[], file: string): Problem[] {
  return problems.map((p) => {
    const position = doc.locate(p.path);
    return { ...p, file, ...(position ? { line: position.line, column: position.column } : {}) };
  });
}
