import { CONDITION_OPERATORS, type ConditionOperator } from '@callflow/model';
import { useEffect, useRef } from 'react';
import {
  addCondition,
  addedPath,
  type ConditionPath,
  groupOf,
  isEditableCondition,
  isEmptyCondition,
  MAX_GROUP_ITEMS,
  negation,
  pathAfterRemoval,
  placeName,
  removeCondition,
  setJoin,
  setNegated,
  updateComparison,
} from './condition-edits';
import {
  type Comparison,
  describeCondition,
  isComparison,
  type Join,
  OPERATOR_LABELS,
  UNARY_OPERATORS,
} from './conditions';
import { OperandField } from './OperandInput';
import { VariableField } from './VariableInput';
import './conditions.css';

interface TreeProps {
  idPrefix: string;
  when: unknown;
  onChange(when: unknown): void;
}

/** A rule's condition as a tree: comparisons and all/any groups inside groups, each can be negated. */
export function ConditionTreeEditor({ idPrefix, when, onChange }: TreeProps) {
  const container = useRef<HTMLDivElement>(null);
  // After adding or removing, the focus goes to the new item or the one that took the removed one's
  // place, so keyboard users never fall back to the top of the page. The edited condition comes back
  // through the store, so the place is looked for after each render until it is there.
  const focusPlace = useRef<ConditionPath | null>(null);
  useEffect(() => {
    if (!focusPlace.current) return;
    const place = CSS.escape(focusPlace.current.join('.'));
    const target = container.current?.querySelector<HTMLElement>(
      `[data-place="${place}"] :is(input[id$="-variable"], select[data-join])`,
    );
    if (!target) return;
    focusPlace.current = null;
    target.focus();
  });
  if (!isEditableCondition(when)) {
    return (
      <p className="help">
        When {describeCondition(when)} — this condition has a shape the form cannot show; edit it in the JSON
        tab.
      </p>
    );
  }
  const apply: Apply = (edit, focus) => {
    onChange(edit(when));
    if (focus) focusPlace.current = focus(when);
  };
  return (
    <div ref={container}>
      <Place idPrefix={idPrefix} slot={when} path={[]} apply={apply} siblings={0} />
    </div>
  );
}

/** Applies an edit to the whole condition; `focus` tells, from the condition before it, where to move. */
type Apply = (edit: (root: unknown) => unknown, focus?: (root: unknown) => ConditionPath) => void;

interface PlaceProps {
  idPrefix: string;
  slot: unknown;
  path: ConditionPath;
  /** Number of items in the parent group (0 at the top): the last item of a group cannot be removed. */
  siblings: number;
  apply: Apply;
}

function Place({ idPrefix, slot, path, siblings, apply }: PlaceProps) {
  if (isEmptyCondition(slot)) return <AddButtons path={path} apply={apply} />;
  const { negated, content } = negation(slot);
  const group = groupOf(content);
  if (group) {
    return (
      <GroupEditor
        idPrefix={idPrefix}
        path={path}
        join={group.join}
        items={group.items}
        negated={negated}
        siblings={siblings}
        apply={apply}
      />
    );
  }
  if (!isComparison(content)) return null;
  return (
    <>
      <ComparisonEditor
        idPrefix={idPrefix}
        path={path}
        comparison={content}
        negated={negated}
        siblings={siblings}
        apply={apply}
      />
      {path.length === 0 && <AddButtons path={path} apply={apply} />}
    </>
  );
}

function NegateToggle({
  path,
  negated,
  what,
  apply,
}: {
  path: ConditionPath;
  negated: boolean;
  what: string;
  apply: PlaceProps['apply'];
}) {
  return (
    <label className="condition-not" title="Holds when the condition does not">
      <input
        type="checkbox"
        checked={negated}
        aria-label={`Negate ${what}`}
        onChange={(e) => apply((root) => setNegated(root, path, e.target.checked))}
      />
      not
    </label>
  );
}

function GroupEditor({
  idPrefix,
  path,
  join,
  items,
  negated,
  siblings,
  apply,
}: Omit<PlaceProps, 'slot'> & { join: Join; items: readonly unknown[]; negated: boolean }) {
  const top = path.length === 0;
  const name = top ? 'the whole condition' : `group ${placeName(path)}`;
  return (
    <fieldset className={`condition-group${negated ? ' negated' : ''}`} data-place={path.join('.')}>
      <legend>{top ? 'Take this outcome when' : `Group ${placeName(path)}`}</legend>
      <div className="field-row">
        <NegateToggle path={path} negated={negated} what={name} apply={apply} />
        <select
          aria-label={top ? 'Take this outcome when' : `Group ${placeName(path)} holds when`}
          data-join
          value={join}
          onChange={(e) => apply((root) => setJoin(root, path, e.target.value as Join))}
        >
          <option value="all">all of these hold</option>
          <option value="any">any of these holds</option>
        </select>
        {!top && siblings > 1 && (
          <button
            type="button"
            aria-label={`Remove group ${placeName(path)}`}
            onClick={() =>
              apply(
                (root) => removeCondition(root, path),
                (root) => pathAfterRemoval(root, path),
              )
            }
          >
            ✕
          </button>
        )}
      </div>
      {items.map((item, i) => (
        <Place
          // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no identity besides their place
          key={i}
          idPrefix={idPrefix}
          slot={item}
          path={[...path, i]}
          siblings={items.length}
          apply={apply}
        />
      ))}
      <AddButtons path={path} apply={apply} full={items.length >= MAX_GROUP_ITEMS} />
    </fieldset>
  );
}

function AddButtons({
  path,
  apply,
  full = false,
}: {
  path: ConditionPath;
  apply: PlaceProps['apply'];
  full?: boolean;
}) {
  const to = path.length === 0 ? '' : ` to group ${placeName(path)}`;
  return (
    <div className="field-row condition-add">
      <button
        type="button"
        disabled={full}
        onClick={() =>
          apply(
            (root) => addCondition(root, path, 'comparison'),
            (root) => addedPath(root, path),
          )
        }
      >
        Add condition{to}
      </button>
      <button
        type="button"
        disabled={full}
        onClick={() =>
          apply(
            (root) => addCondition(root, path, 'group'),
            (root) => addedPath(root, path),
          )
        }
      >
        Add group{to}
      </button>
    </div>
  );
}

function ComparisonEditor({
  idPrefix,
  path,
  comparison,
  negated,
  siblings,
  apply,
}: Omit<PlaceProps, 'slot'> & { comparison: Comparison; negated: boolean }) {
  const name = placeName(path);
  const update = (patch: Partial<Comparison>) => apply((root) => updateComparison(root, path, patch));
  const idBase = `${idPrefix}-c${name.replaceAll('.', '-')}`;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset per comparison would add a legend to every row
    <div
      className={`condition-row${negated ? ' negated' : ''}`}
      role="group"
      aria-label={`Condition ${name}`}
      data-place={path.join('.')}
    >
      <NegateToggle path={path} negated={negated} what={`condition ${name}`} apply={apply} />
      <VariableField
        id={`${idBase}-variable`}
        mode="read"
        label={`Condition ${name} variable`}
        value={comparison.variable}
        onChange={(v) => update({ variable: v })}
      />
      <select
        aria-label={`Condition ${name} operator`}
        value={comparison.operator}
        onChange={(e) => update({ operator: e.target.value as ConditionOperator })}
      >
        {CONDITION_OPERATORS.map((op) => (
          <option key={op} value={op}>
            {OPERATOR_LABELS[op]}
          </option>
        ))}
      </select>
      {!UNARY_OPERATORS.has(comparison.operator) && (
        <OperandField
          id={`${idBase}-value`}
          label={`Condition ${name} value`}
          value={comparison.value}
          onChange={(v) => update({ value: v })}
        />
      )}
      {siblings > 1 && (
        <button
          type="button"
          aria-label={`Remove condition ${name}`}
          onClick={() =>
            apply(
              (root) => removeCondition(root, path),
              (root) => pathAfterRemoval(root, path),
            )
          }
        >
          ✕
        </button>
      )}
    </div>
  );
}
