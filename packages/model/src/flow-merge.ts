/**
 * Three-way merge of two edits of one flow, from the version both started from. The units are the
 * parts people edit independently: each block, each variable, each note, each top-level setting (name,
 * start, popover...). A unit changed on one side only takes that side; changed on both sides to the same
 * value is no conflict; changed on both sides differently is a conflict, settled by a choice (mine or
 * theirs) per unit. Layout follows its block: a block in conflict keeps the position of the side
 * chosen for it, other positions merge one by one (when both moved a block, mine wins: a position is
 * not worth a question).
 *
 * The result can break lint rules neither side broke (mine deletes a block theirs wires to): it is
 * checked like any edit.
 */
import { dequal } from 'dequal';
import type { Block, Flow, Note, Position, VariableDeclaration } from './flow.js';

export type MergeSide = 'mine' | 'theirs';
export type MergeUnitKind = 'block' | 'variable' | 'note' | 'setting';

export interface MergeUnit {
  kind: MergeUnitKind;
  /** Block id, variable name, note id or top-level key of the flow. */
  key: string;
}

export interface MergeConflict extends MergeUnit {
  /** Each side's value; undefined where the unit is absent (added on one side, deleted on the other). */
  base: unknown;
  mine: unknown;
  theirs: unknown;
}

export interface FlowMerge {
  flow: Flow;
  /** Units both sides changed differently, in document order; resolved as `choices` say (mine by default). */
  conflicts: MergeConflict[];
  /** Units taken from theirs without a question (their changes that are now in the result). */
  fromTheirs: MergeUnit[];
}

/** "block:welcome", "variable:customerTier", "setting:name": how choices name a unit. */
export function mergeUnitId(unit: MergeUnit): string {
  return `${unit.kind}:${unit.key}`;
}

/**
 * Merges `mine` and `theirs`, both edited from `base` (null when the base is unknown, as for a flow
 * imported over an existing one: then every difference is a conflict).
 */
export function mergeFlows(
  base: Flow | null,
  mine: Flow,
  theirs: Flow,
  choices: Readonly<Record<string, MergeSide>> = {},
): FlowMerge {
  const conflicts: MergeConflict[] = [];
  const fromTheirs: MergeUnit[] = [];
  const pick = (unit: MergeUnit, b: unknown, m: unknown, t: unknown): { value: unknown; side: MergeSide } => {
    if (dequal(m, t) || dequal(b, t)) return { value: m, side: 'mine' };
    if (dequal(b, m)) {
      fromTheirs.push(unit);
      return { value: t, side: 'theirs' };
    }
    conflicts.push({ ...unit, base: b, mine: m, theirs: t });
    const side = choices[mergeUnitId(unit)] ?? 'mine';
    return { value: side === 'mine' ? m : t, side };
  };

  /** Blocks in conflict, with the side chosen: their position goes with them. */
  const chosen = new Map<string, MergeSide>();
  const blocks = mergeRecords<Block>(base?.blocks, mine.blocks, theirs.blocks, (key, b, m, t) => {
    const before = conflicts.length;
    const picked = pick({ kind: 'block', key }, b, m, t);
    if (conflicts.length > before) chosen.set(key, picked.side);
    return picked.value as Block | undefined;
  });
  const variables = mergeRecords<VariableDeclaration>(
    base?.variables,
    mine.variables,
    theirs.variables,
    (key, b, m, t) => pick({ kind: 'variable', key }, b, m, t).value as VariableDeclaration | undefined,
  );
  const notes = mergeRecords<Note>(
    base?.notes,
    mine.notes,
    theirs.notes,
    (key, b, m, t) => pick({ kind: 'note', key }, b, m, t).value as Note | undefined,
  );
  const layout = mergeRecords<Position>(base?.layout, mine.layout, theirs.layout, (key, b, m, t) => {
    if (!Object.hasOwn(blocks, key)) return undefined;
    const side = chosen.get(key);
    if (side) return side === 'mine' ? m : t;
    return dequal(b, m) ? t : m;
  });

  const merged: Record<string, unknown> = {};
  const mineRecord = mine as unknown as Record<string, unknown>;
  const theirsRecord = theirs as unknown as Record<string, unknown>;
  const baseRecord = (base ?? {}) as unknown as Record<string, unknown>;
  for (const key of unionKeys(theirsRecord, mineRecord)) {
    let value: unknown;
    if (key === 'blocks') value = blocks;
    else if (key === 'variables') value = variables;
    else if (key === 'layout') value = layout;
    else if (key === 'notes') value = notes;
    else if (key === 'id') value = mine.id;
    else value = pick({ kind: 'setting', key }, baseRecord[key], mineRecord[key], theirsRecord[key]).value;
    if (value !== undefined) merged[key] = value;
  }
  // A section emptied by a side that also dropped its key stays absent rather than becoming `{}`.
  for (const key of ['variables', 'layout', 'notes'] as const) {
    const section = merged[key] as Record<string, unknown> | undefined;
    if (section && Object.keys(section).length === 0 && !(key in mineRecord && key in theirsRecord))
      delete merged[key];
  }
  return { flow: merged as unknown as Flow, conflicts, fromTheirs };
}

/**
 * Merges two records key by key, in theirs' order, then the keys only mine has in mine's order (so a
 * block added on my side lands where it would in my file, at the end).
 */
function mergeRecords<T>(
  base: Record<string, T> | undefined,
  mine: Record<string, T> | undefined,
  theirs: Record<string, T> | undefined,
  mergeOne: (key: string, b: T | undefined, m: T | undefined, t: T | undefined) => T | undefined,
): Record<string, T> {
  const out: Record<string, T> = {};
  const keys = unionKeys(theirs ?? {}, mine ?? {}, base ?? {});
  for (const key of keys) {
    const value = mergeOne(key, own(base, key), own(mine, key), own(theirs, key));
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function own<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

function unionKeys(...records: object[]): string[] {
  const keys = new Set<string>();
  for (const record of records) for (const key of Object.keys(record)) keys.add(key);
  return [...keys];
}
