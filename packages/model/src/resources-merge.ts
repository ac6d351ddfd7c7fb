/**
 * Three-way merge of two edits of the resources file, entry by entry, as flows merge block by block
 * (flow-merge.ts): each queue, number, prompt, hours, agent group and agent is a unit, and so are the
 * account settings and every other top-level setting (the HTTP allowlist). A unit changed on one side
 * only takes that side; changed on both sides differently is a conflict settled by a choice per unit
 * (mine by default).
 */
import { dequal } from 'dequal';
import type { MergeSide } from './flow-merge.js';
import type { Resources } from './resources.js';

/** The sections of the resources file whose entries are named (and merged one by one). */
export const RESOURCE_KINDS = ['numbers', 'queues', 'hours', 'prompts', 'agentGroups', 'agents'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export interface ResourcesMergeUnit {
  /** A named entry (`queues/sales`), or a top-level setting (`account`, `httpAllowlist`). */
  kind: ResourceKind | 'setting';
  key: string;
}

export interface ResourcesMergeConflict extends ResourcesMergeUnit {
  base: unknown;
  mine: unknown;
  theirs: unknown;
}

export interface ResourcesMerge {
  resources: Resources;
  conflicts: ResourcesMergeConflict[];
  fromTheirs: ResourcesMergeUnit[];
}

/** "queues:sales", "setting:account": how choices name a unit. */
export function resourcesMergeUnitId(unit: ResourcesMergeUnit): string {
  return `${unit.kind}:${unit.key}`;
}

/** Merges `mine` and `theirs`, both edited from `base` (null when unknown: every difference is a conflict). */
export function mergeResources(
  base: Resources | null,
  mine: Resources,
  theirs: Resources,
  choices: Readonly<Record<string, MergeSide>> = {},
): ResourcesMerge {
  const conflicts: ResourcesMergeConflict[] = [];
  const fromTheirs: ResourcesMergeUnit[] = [];
  const pick = (unit: ResourcesMergeUnit, b: unknown, m: unknown, t: unknown): unknown => {
    if (dequal(m, t) || dequal(b, t)) return m;
    if (dequal(b, m)) {
      fromTheirs.push(unit);
      return t;
    }
    conflicts.push({ ...unit, base: b, mine: m, theirs: t });
    return (choices[resourcesMergeUnitId(unit)] ?? 'mine') === 'mine' ? m : t;
  };
  const kinds = new Set<string>(RESOURCE_KINDS);
  const mineRecord = mine as unknown as Record<string, unknown>;
  const theirsRecord = theirs as unknown as Record<string, unknown>;
  const baseRecord = (base ?? {}) as unknown as Record<string, unknown>;
  const merged: Record<string, unknown> = {};
  for (const key of unionKeys(theirsRecord, mineRecord)) {
    let value: unknown;
    if (kinds.has(key)) {
      const kind = key as ResourceKind;
      const b = (baseRecord[key] ?? {}) as Record<string, unknown>;
      const m = (mineRecord[key] ?? {}) as Record<string, unknown>;
      const t = (theirsRecord[key] ?? {}) as Record<string, unknown>;
      const entries: Record<string, unknown> = {};
      for (const name of unionKeys(t, m, b)) {
        const entry = pick({ kind, key: name }, own(b, name), own(m, name), own(t, name));
        if (entry !== undefined) entries[name] = entry;
      }
      value = entries;
    } else {
      value = pick({ kind: 'setting', key }, baseRecord[key], mineRecord[key], theirsRecord[key]);
    }
    if (value !== undefined) merged[key] = value;
  }
  return { resources: merged as unknown as Resources, conflicts, fromTheirs };
}

function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function unionKeys(...records: object[]): string[] {
  const keys = new Set<string>();
  for (const record of records) for (const key of Object.keys(record)) keys.add(key);
  return [...keys];
}
