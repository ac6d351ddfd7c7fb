/**
 * A small line diff (longest common subsequence) of two canonical flow texts, for the save-conflict
 * dialog: what the other person changed compared with mine.
 */
export type DiffLine = { kind: 'same' | 'added' | 'removed'; text: string };

/** Lines of a diff; above this many lines per side, only the changed middle is compared. */
const MAX_LINES = 4000;

export function lineDiff(before: string, after: string): DiffLine[] {
  let a = before.split('\n');
  let b = after.split('\n');
  // Common head and tail are cheap to find and keep the table small.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const prefix = a.slice(0, head).map((text) => ({ kind: 'same' as const, text }));
  const suffix = a.slice(a.length - tail).map((text) => ({ kind: 'same' as const, text }));
  a = a.slice(head, a.length - tail);
  b = b.slice(head, b.length - tail);
  if (a.length > MAX_LINES || b.length > MAX_LINES) {
    return [
      ...prefix,
      ...a.map((text) => ({ kind: 'removed' as const, text })),
      ...b.map((text) => ({ kind: 'added' as const, text })),
      ...suffix,
    ];
  }
  const table: number[][] = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i]![j] =
        a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const middle: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      middle.push({ kind: 'same', text: a[i]! });
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) {
      middle.push({ kind: 'removed', text: a[i++]! });
    } else {
      middle.push({ kind: 'added', text: b[j++]! });
    }
  }
  while (i < a.length) middle.push({ kind: 'removed', text: a[i++]! });
  while (j < b.length) middle.push({ kind: 'added', text: b[j++]! });
  return [...prefix, ...middle, ...suffix];
}

/** Only the changed lines with `context` unchanged lines around each change; gaps become `…`. */
export function compactDiff(lines: readonly DiffLine[], context = 2): (DiffLine | { kind: 'gap' })[] {
  const keep = new Array<boolean>(lines.length).fill(false);
  lines.forEach((line, index) => {
    if (line.kind === 'same') return;
    for (let k = Math.max(0, index - context); k <= Math.min(lines.length - 1, index + context); k++)
      keep[k] = true;
  });
  const out: (DiffLine | { kind: 'gap' })[] = [];
  lines.forEach((line, index) => {
    if (keep[index]) out.push(line);
    else if (out.at(-1)?.kind !== 'gap') out.push({ kind: 'gap' });
  });
  return out;
}
