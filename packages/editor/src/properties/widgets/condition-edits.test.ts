import { describe, expect, it } from 'vitest';
import {
  addCondition,
  addedPath,
  conditionAt,
  isEditableCondition,
  pathAfterRemoval,
  removeCondition,
  setJoin,
  setNegated,
  updateComparison,
} from './condition-edits';
import { describeCondition } from './conditions';

const tier = { variable: 'tier', operator: 'equals', value: { value: 'gold' } };
const vip = { variable: 'vip', operator: 'equals', value: { value: true } };
const empty = { variable: '', operator: 'equals', value: { value: '' } };

describe('condition edits', () => {
  it('starts an empty condition with one comparison', () => {
    expect(addCondition(undefined, [], 'comparison')).toEqual(empty);
    expect(addCondition({}, [], 'group')).toEqual({ any: [empty] });
  });

  it('turns a lone comparison into an all group when something is added next to it', () => {
    expect(addCondition(tier, [], 'comparison')).toEqual({ all: [tier, empty] });
    expect(addCondition({ not: tier }, [], 'group')).toEqual({ all: [{ not: tier }, { any: [empty] }] });
  });

  it('adds comparisons and groups inside nested groups; a new group joins the other way', () => {
    let when: unknown = { all: [tier] };
    when = addCondition(when, [], 'group');
    expect(when).toEqual({ all: [tier, { any: [empty] }] });
    when = addCondition(when, [1], 'group');
    expect(conditionAt(when, [1, 1])).toEqual({ all: [empty] });
    when = addCondition(when, [1, 1], 'comparison');
    expect(conditionAt(when, [1, 1])).toEqual({ all: [empty, empty] });
  });

  it('changes a comparison deep in the tree and keeps its not; unary operators drop the value', () => {
    const when = { any: [tier, { not: { all: [{ not: vip }] } }] };
    const next = updateComparison(when, [1, 0], { operator: 'isEmpty' });
    expect(next).toEqual({
      any: [tier, { not: { all: [{ not: { variable: 'vip', operator: 'isEmpty' } }] } }],
    });
    expect(when.any[1]).toEqual({ not: { all: [{ not: vip }] } });
  });

  it('switches a group between all and any, negated or not', () => {
    expect(setJoin({ all: [tier, vip] }, [], 'any')).toEqual({ any: [tier, vip] });
    expect(setJoin({ all: [tier, { not: { any: [vip] } }] }, [1], 'all')).toEqual({
      all: [tier, { not: { all: [vip] } }],
    });
  });

  it('negates and un-negates a comparison or a group, never twice', () => {
    const when = { all: [tier, { any: [vip] }] };
    const negated = setNegated(when, [1], true);
    expect(negated).toEqual({ all: [tier, { not: { any: [vip] } }] });
    expect(setNegated(negated, [1], true)).toEqual(negated);
    expect(setNegated(negated, [1], false)).toEqual(when);
    expect(setNegated(tier, [], true)).toEqual({ not: tier });
  });

  it('removes an item; a group left with one item becomes that item', () => {
    expect(removeCondition({ all: [tier, vip, empty] }, [2])).toEqual({ all: [tier, vip] });
    expect(removeCondition({ all: [tier, { not: { any: [vip, empty] } }] }, [1, 1])).toEqual({
      all: [tier, { not: vip }],
    });
    expect(removeCondition({ any: [tier, vip] }, [0])).toEqual(vip);
  });

  it('never removes the last item of a group, nor stacks two nots when collapsing', () => {
    expect(removeCondition({ all: [tier] }, [0])).toEqual({ all: [tier] });
    const when = { not: { all: [{ not: tier }, vip] } };
    expect(removeCondition(when, [1])).toEqual({ not: { all: [{ not: tier }] } });
  });

  it('leaves paths that lead nowhere unchanged', () => {
    expect(updateComparison(tier, [3], { variable: 'x' })).toEqual(tier);
    expect(setJoin(tier, [], 'any')).toEqual(tier);
  });

  it('tells where an added item lands, for the focus to follow', () => {
    expect(addedPath(undefined, [])).toEqual([]);
    expect(addedPath(tier, [])).toEqual([1]);
    const when = { all: [tier, { not: { any: [vip] } }] };
    expect(addedPath(when, [1])).toEqual([1, 1]);
    expect(conditionAt(addCondition(when, [1], 'comparison'), addedPath(when, [1]))).toEqual(empty);
  });

  it('tells what takes the place of a removed item, for the focus to follow', () => {
    const when = { all: [tier, { any: [vip, tier, empty] }] };
    expect(pathAfterRemoval(when, [1, 0])).toEqual([1, 0]);
    expect(pathAfterRemoval(when, [1, 2])).toEqual([1, 1]);
    expect(pathAfterRemoval({ all: [tier, vip] }, [1])).toEqual([]);
    expect(pathAfterRemoval({ all: [tier, { any: [vip, empty] }] }, [1, 0])).toEqual([1]);
    expect(pathAfterRemoval({ all: [tier] }, [0])).toEqual([0]);
  });

  it('shows in the form what it can show without losing parts; double nots and odd keys go to JSON', () => {
    expect(isEditableCondition({ all: [tier, { not: { any: [vip, { not: tier }] } }] })).toBe(true);
    expect(isEditableCondition(undefined)).toBe(true);
    expect(isEditableCondition({ not: { not: tier } })).toBe(false);
    expect(isEditableCondition({ all: [] })).toBe(false);
    expect(isEditableCondition({ all: [tier], any: [vip] })).toBe(false);
    expect(isEditableCondition({ ...tier, note: 'x' })).toBe(false);
  });

  it('describes nested conditions in words', () => {
    expect(describeCondition({ all: [{ not: { variable: 'a', operator: 'isEmpty' } }] })).toBe(
      '(not a is empty)',
    );
  });
});
