/** One line of a diff: kept, removed from the old text, or added in the new one. */
export interface DiffLine {
  op: ' ' | '-' | '+';
  text: string;
  /** Line number in the old text (kept and removed lines) or the new text (added lines), from 1. */
  line: number;
}

/**
 * The lines that differ between two texts, with `context` unchanged lines around each change, in the
 * order a unified diff shows them. Renames change a few lines of files of a few hundred: the common
 * start and end are cut first and the rest compared by longest common subsequence.
 */
export function lineDiff(before: string, after: string, context = 2): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  // lcs[i][j]: length of the longest common subsequence of midA[i..] and midB[j..].
  const lcs: number[][] = Array.from({ length: midA.length + 1 }, () =>
    new Array<number>(midB.length + 1).fill(0),
  );
  for (let i = midA.length - 1; i >= 0; i--) {
    for (let j = midB.length - 1; j >= 0; j--) {
      lcs[i]![j] = midA[i] === midB[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const all: DiffLine[] = a.slice(0, start).map((text, i) => ({ op: ' ' as const, text, line: i + 1 }));
  let i = 0;
  let j = 0;
  while (i < midA.length || j < midB.length) {
    if (i < midA.length && j < midB.length && midA[i] === midB[j]) {
      all.push({ op: ' ', text: midA[i]!, line: start + i + 1 });
      i++;
      j++;
    } else if (j >= midB.length || (i < midA.length && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      all.push({ op: '-', text: midA[i]!, line: start + i + 1 });
      i++;
    } else {
      all.push({ op: '+', text: midB[j]!, line: start + j + 1 });
      j++;
    }
  }
  for (let k = endA; k < a.length; k++) all.push({ op: ' ', text: a[k]!, line: k + 1 });
  const keep = new Set<number>();
  all.forEach((entry, index) => {
    if (entry.op === ' ') return;
    for (let k = Math.max(0, index - context); k <= Math.min(all.length - 1, index + context); k++)
      keep.add(k);
  });
  return all.filter((_, index) => keep.has(index));
}
