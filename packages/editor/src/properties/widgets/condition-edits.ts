/**
 * Edits of a structured condition as a tree: comparisons, `all` / `any` groups (nested freely) and
 * `not`. A place in the tree is a path of child indexes from the rule's `when`; a `not` around a
 * comparison or group is a property of that place ("negated"), not a level of its own. Every function
 * is pure and returns a new condition; shapes the form cannot show are left to the JSON view.
 */
import { type Comparison, cleanComparison, isComparison, type Join } from './conditions';

export type ConditionPath = readonly number[];

/** The schema's `maxItems` of a group. */
export const MAX_GROUP_ITEMS = 50;

export const emptyComparison = (): Comparison => ({ variable: '', operator: 'equals', value: { value: '' } });

type Group = { join: Join; items: readonly unknown[] };

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** `{ not: x }` is x negated; anything else is itself, not negated. */
export function negation(slot: unknown): { negated: boolean; content: unknown } {
  const o = record(slot);
  if (o && Object.keys(o).length === 1 && 'not' in o) return { negated: true, content: o.not };
  return { negated: false, content: slot };
}

/** The join and items of an `{ all }` / `{ any }` group, or undefined for anything else. */
export function groupOf(content: unknown): Group | undefined {
  const o = record(content);
  if (!o || Object.keys(o).length !== 1) return undefined;
  if (Array.isArray(o.all)) return { join: 'all', items: o.all };
  if (Array.isArray(o.any)) return { join: 'any', items: o.any };
  return undefined;
}

/** No condition yet (a new rule, or `{}`). */
export function isEmptyCondition(slot: unknown): boolean {
  return slot === undefined || (record(slot) !== undefined && Object.keys(record(slot)!).length === 0);
}

const COMPARISON_KEYS: ReadonlySet<string> = new Set(['variable', 'operator', 'value']);

const wrap = (negated: boolean, content: unknown): unknown => (negated ? { not: content } : content);

/**
 * True when the form can show every part of the condition: comparisons, non-empty groups, and at most
 * one `not` at each place (`not not x` is left to the JSON view rather than silently simplified).
 */
export function isEditableCondition(when: unknown): boolean {
  if (isEmptyCondition(when)) return true;
  return editablePlace(when);
}

function editablePlace(slot: unknown): boolean {
  const { negated, content } = negation(slot);
  if (negated && negation(content).negated) return false;
  if (isComparison(content)) return Object.keys(content).every((k) => COMPARISON_KEYS.has(k));
  const group = groupOf(content);
  return group !== undefined && group.items.length > 0 && group.items.every(editablePlace);
}

/** The condition at a place, `not` included. */
export function conditionAt(root: unknown, path: ConditionPath): unknown {
  let slot = root;
  for (const index of path) slot = groupOf(negation(slot).content)?.items[index];
  return slot;
}

/** Replaces the condition at a place (its `not` included) by what `change` makes of it. */
function changeAt(root: unknown, path: ConditionPath, change: (slot: unknown) => unknown): unknown {
  const [index, ...rest] = path;
  if (index === undefined) return change(root);
  const { negated, content } = negation(root);
  const group = groupOf(content);
  if (!group || index >= group.items.length) return root;
  const items = group.items.map((item, i) => (i === index ? changeAt(item, rest, change) : item));
  return wrap(negated, { [group.join]: items });
}

/** Changes the comparison at a place, keeping its `not`; unary operators drop their value. */
export function updateComparison(root: unknown, path: ConditionPath, patch: Partial<Comparison>): unknown {
  return changeAt(root, path, (slot) => {
    const { negated, content } = negation(slot);
    if (!isComparison(content)) return slot;
    return wrap(negated, cleanComparison({ ...content, ...patch }));
  });
}

/** Makes the group at a place hold when all / any of its items hold. */
export function setJoin(root: unknown, path: ConditionPath, join: Join): unknown {
  return changeAt(root, path, (slot) => {
    const { negated, content } = negation(slot);
    const group = groupOf(content);
    return group ? wrap(negated, { [join]: group.items }) : slot;
  });
}

/** Negates (wraps in `not`) or stops negating the comparison or group at a place. */
export function setNegated(root: unknown, path: ConditionPath, negated: boolean): unknown {
  return changeAt(root, path, (slot) => {
    const current = negation(slot);
    if (current.negated === negated || isEmptyCondition(slot)) return slot;
    return negated ? { not: slot } : current.content;
  });
}

/**
 * Adds a comparison, or a group holding one comparison, to the group at a place. Added next to a lone
 * comparison, both become an `all` group. A new group joins the other way from its parent (an `any`
 * inside an `all`), the usual reason to nest.
 */
export function addCondition(root: unknown, path: ConditionPath, kind: 'comparison' | 'group'): unknown {
  return changeAt(root, path, (slot) => {
    const { negated, content } = negation(slot);
    const group = groupOf(content);
    const parentJoin: Join = group?.join ?? 'all';
    const added =
      kind === 'comparison'
        ? emptyComparison()
        : { [parentJoin === 'all' ? 'any' : 'all']: [emptyComparison()] };
    if (isEmptyCondition(slot)) return added;
    if (!group) return { all: [slot, added] };
    if (group.items.length >= MAX_GROUP_ITEMS) return slot;
    return wrap(negated, { [group.join]: [...group.items, added] });
  });
}

/**
 * Removes the item at a place from its group. A group left with one item becomes that item (same
 * meaning, one level less), unless both carry a `not`. The last item of a group is never removed.
 */
export function removeCondition(root: unknown, path: ConditionPath): unknown {
  const index = path[path.length - 1];
  if (index === undefined) return root;
  return changeAt(root, path.slice(0, -1), (slot) => withoutItem(slot, index)?.slot ?? slot);
}

/** The group at `slot` without item `index`, and whether it collapsed into its one remaining item. */
function withoutItem(slot: unknown, index: number): { slot: unknown; collapsed: boolean } | undefined {
  const { negated, content } = negation(slot);
  const group = groupOf(content);
  if (!group || group.items.length < 2 || index >= group.items.length) return undefined;
  const items = group.items.filter((_, i) => i !== index);
  const [only] = items;
  if (items.length === 1 && !(negated && negation(only).negated)) {
    return { slot: wrap(negated, only), collapsed: true };
  }
  return { slot: wrap(negated, { [group.join]: items }), collapsed: false };
}

/** How the form names a place: `1` for the top, `2.1` for the first item of the second item. */
export function placeName(path: ConditionPath): string {
  return path.length === 0 ? '1' : path.map((i) => i + 1).join('.');
}

/** Where `addCondition(root, path, …)` puts the new item: the form moves the focus there. */
export function addedPath(root: unknown, path: ConditionPath): ConditionPath {
  const slot = conditionAt(root, path);
  if (isEmptyCondition(slot)) return path;
  const group = groupOf(negation(slot).content);
  return [...path, group ? Math.min(group.items.length, MAX_GROUP_ITEMS - 1) : 1];
}

/**
 * What to focus after `removeCondition(root, path)`: the item that took its place (or the one before
 * it when the last went), or the one item its group collapsed into.
 */
export function pathAfterRemoval(root: unknown, path: ConditionPath): ConditionPath {
  const parent = path.slice(0, -1);
  const index = path[path.length - 1] ?? 0;
  const removed = withoutItem(conditionAt(root, parent), index);
  if (!removed) return path;
  if (removed.collapsed) return parent;
  const left = groupOf(negation(removed.slot).content)?.items.length ?? 1;
  return [...parent, Math.min(index, left - 1)];
}
