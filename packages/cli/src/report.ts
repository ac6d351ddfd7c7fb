import type { Problem } from '@callflow/model';

/** The shape of one entry of `--format json`: every key always present, `null` when unknown. */
export interface JsonProblem {
  code: string;
  severity: 'error' | 'warning';
  message: string;
  path: string;
  blockId: string | null;
  file: string | null;
  line: number | null;
  column: number | null;
}

export function toJsonProblem(p: Problem): JsonProblem {
  return {
    code: p.code,
    severity: p.severity,
    message: p.message,
    path: p.path,
    blockId: p.blockId ?? null,
    file: p.file ?? null,
    line: p.line ?? null,
    column: p.column ?? null,
  };
}

/** Sorted by file, then position, then code: output is stable from run to run. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      compareText(a.file ?? '', b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      compareText(a.code, b.code) ||
      compareText(a.path, b.path),
  );
}

export function formatJson(problems: readonly Problem[]): string {
  return `${JSON.stringify(sortProblems(problems).map(toJsonProblem), null, 2)}\n`;
}

export interface Counts {
  errors: number;
  warnings: number;
}

export function countProblems(problems: readonly Problem[]): Counts {
  let errors = 0;
  for (const p of problems) if (p.severity === 'error') errors++;
  return { errors, warnings: problems.length - errors };
}

/**
 * `file:line:column  severity  code  message`, one block of lines per file, so that editors and CI logs
 * turn each line into a link. Problems without a line show their JSON pointer instead.
 */
export function formatHuman(problems: readonly Problem[]): string {
  const lines: string[] = [];
  let currentFile: string | undefined;
  for (const p of sortProblems(problems)) {
    const file = p.file ?? '(no file)';
    if (currentFile !== undefined && file !== currentFile) lines.push('');
    currentFile = file;
    const where = p.line === undefined ? file : `${file}:${p.line}:${p.column ?? 1}`;
    const pointer = p.line === undefined && p.path !== '' ? ` (at ${p.path})` : '';
    lines.push(`${where}  ${p.severity.padEnd(7)}  ${p.code}  ${p.message}${pointer}`);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The last line of human output, e.g. `2 errors, 1 warning in 9 files`. */
export function summaryLine(counts: Counts, filesChecked: number): string {
  const files = plural(filesChecked, 'file');
  if (counts.errors === 0 && counts.warnings === 0) return `${files} checked: no problems.`;
  return `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')} in ${files} checked.`;
}

/** Plain code-unit order: the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
