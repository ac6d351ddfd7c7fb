import { type MergeConflict, type MergeSide, mergeFlows, mergeUnitId } from '@callflow/model';
import { useMemo, useState } from 'react';
import { Dialog } from './Dialog';
import { mergedNote, reloadTheirs, saveMerged } from './file-actions';
import type { Conflict } from './file-store';
import { useFileStore } from './file-store';
import { compactDiff, lineDiff } from './line-diff';

/**
 * Someone saved this flow after I opened it and we both changed the same blocks (or variables, or
 * flow settings): everything else is already merged; ask, per unit, whose version to keep.
 */
export function ConflictDialog({ conflict }: { conflict: Conflict }) {
  const merge = useMemo(() => mergeFlows(conflict.base, conflict.mine, conflict.theirs.flow), [conflict]);
  const [choices, setChoices] = useState<Record<string, MergeSide>>({});
  const chooseAll = (side: MergeSide) =>
    setChoices(Object.fromEntries(merge.conflicts.map((c) => [mergeUnitId(c), side])));
  return (
    <Dialog title="Save conflict" onClose={() => useFileStore.getState().close()} wide>
      <p>
        Someone else saved <strong>{conflict.mine.id}</strong> after you opened it, and you both changed{' '}
        {merge.conflicts.length === 1 ? 'the part below' : `the ${merge.conflicts.length} parts below`}.
        Choose whose version to keep for each; everything else is merged.{' '}
        {merge.fromTheirs.length > 0 && mergedNote(merge.fromTheirs)} Nothing is saved until you choose.
      </p>
      <div className="merge-choices">
        {merge.conflicts.map((unit) => (
          <ConflictChoice
            key={mergeUnitId(unit)}
            unit={unit}
            side={choices[mergeUnitId(unit)] ?? 'mine'}
            onChoose={(side) => setChoices((c) => ({ ...c, [mergeUnitId(unit)]: side }))}
          />
        ))}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={() => useFileStore.getState().close()}>
          Cancel
        </button>
        <button type="button" onClick={() => reloadTheirs(conflict.theirs)}>
          Reload theirs
        </button>
        <button type="button" onClick={() => chooseAll('mine')}>
          All mine
        </button>
        <button type="button" onClick={() => chooseAll('theirs')}>
          All theirs
        </button>
        <button type="button" className="primary" onClick={() => void saveMerged(conflict, choices)}>
          Save merged
        </button>
      </div>
    </Dialog>
  );
}

const UNIT_WORDS: Record<MergeConflict['kind'], string> = {
  block: 'Block',
  variable: 'Variable',
  note: 'Note',
  setting: 'Flow',
};

/** "Block welcome", "Variable customerTier", "Note welcome-tip", "Flow name". */
export function unitTitle(unit: Pick<MergeConflict, 'kind' | 'key'>): string {
  return `${UNIT_WORDS[unit.kind]} ${unit.key}`;
}

function ConflictChoice({
  unit,
  side,
  onChoose,
}: {
  unit: MergeConflict;
  side: MergeSide;
  onChoose(side: MergeSide): void;
}) {
  const title = unitTitle(unit);
  const diff = useMemo(
    () => compactDiff(lineDiff(unitText(unit.mine), unitText(unit.theirs))),
    [unit.mine, unit.theirs],
  );
  const name = `merge-${mergeUnitId(unit)}`;
  return (
    <fieldset className="merge-choice" aria-label={title}>
      <legend>{title}</legend>
      <p className="help">
        Lines marked <span className="diff-removed-sample">−</span> are yours,{' '}
        <span className="diff-added-sample">+</span> theirs.
      </p>
      <pre className="diff">
        {diff.map((line, i) =>
          line.kind === 'gap' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: a static rendering of one diff
            <div key={i} className="diff-gap">
              …
            </div>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: a static rendering of one diff
            <div key={i} className={`diff-${line.kind}`}>
              {line.kind === 'added' ? '+ ' : line.kind === 'removed' ? '− ' : '  '}
              {line.text}
            </div>
          ),
        )}
      </pre>
      <label className="check">
        <input type="radio" name={name} checked={side === 'mine'} onChange={() => onChoose('mine')} />
        Keep mine{unit.mine === undefined ? ' (deleted)' : ''}
      </label>
      <label className="check">
        <input type="radio" name={name} checked={side === 'theirs'} onChange={() => onChoose('theirs')} />
        Take theirs{unit.theirs === undefined ? ' (deleted)' : ''}
      </label>
    </fieldset>
  );
}

function unitText(value: unknown): string {
  return value === undefined ? '(deleted)' : JSON.stringify(value, null, 2);
}
