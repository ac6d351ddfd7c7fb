/** One step of the flow format's history: turns a document of version `from` into version `to`. */
export interface Migration {
  /** Stable name, the file's: `0001-blocks-map`. */
  name: string;
  from: number;
  to: number;
  /** What changed, for `callflow migrate` output and docs/format.md. */
  description: string;
  /** Receives its own copy of the document and returns the upgraded one. Must not throw on odd input. */
  up(doc: Record<string, unknown>): Record<string, unknown>;
  /**
   * Maps a pointer into the upgraded document back to the same place in the document before this step,
   * so that problems found after migration still point at the right line of the file.
   */
  sourcePointer?(pointer: string, before: Record<string, unknown>): string;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
