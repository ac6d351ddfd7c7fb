import type { ObservedTraceEntry, TranscriptLine } from './simulation-view';

/**
 * The transcript with the lines Log to the contact trace blocks wrote, each placed after the lines of
 * the same moment: a log line usually follows what the caller just did (a key pressed at that moment).
 */
export function withTraceLogLines(
  transcript: readonly TranscriptLine[],
  trace: readonly ObservedTraceEntry[],
): TranscriptLine[] {
  const logs = trace
    .filter((entry) => entry.log !== undefined)
    .map((entry): TranscriptLine => ({ at: entry.at, kind: 'log', text: entry.log as string }));
  if (logs.length === 0) return [...transcript];
  const out: TranscriptLine[] = [];
  let next = 0;
  for (const line of transcript) {
    while (next < logs.length && (logs[next] as TranscriptLine).at < line.at)
      out.push(logs[next++] as TranscriptLine);
    out.push(line);
  }
  return out.concat(logs.slice(next));
}
