import { type MergeSide, mergeResources, resourcesMergeUnitId } from '@callflow/model';
import { useMemo, useState } from 'react';
import { Dialog } from '../files/Dialog';
import { mergedNote, reloadTheirResources, saveMergedResources } from './center-save';
import { type ResourcesConflict, useCenterStore } from './center-store';
import { kindInfo } from './resource-kinds';

/** Someone saved the resources meanwhile and changed the same entries: ask, per entry, whose to keep. */
export function CenterConflictDialog({ conflict }: { conflict: ResourcesConflict }) {
  const merge = useMemo(
    () => mergeResources(conflict.base, conflict.mine, conflict.theirs.resources),
    [conflict],
  );
  const [choices, setChoices] = useState<Record<string, MergeSide>>({});
  const close = () => useCenterStore.getState().setConflict(null);
  return (
    <Dialog title="Save conflict" onClose={close} wide>
      <p>
        Someone else saved the resources after you loaded them, and you both changed the entries below. Choose
        whose version to keep for each; everything else is merged.{' '}
        {merge.fromTheirs.length > 0 && mergedNote(merge.fromTheirs)} Nothing is saved until you choose.
      </p>
      <div className="merge-choices">
        {merge.conflicts.map((unit) => {
          const id = resourcesMergeUnitId(unit);
          const label = unit.kind === 'setting' ? unit.key : `${kindInfo(unit.kind).one} ${unit.key}`;
          const side = choices[id] ?? 'mine';
          return (
            <fieldset key={id} className="merge-choice">
              <legend>{label}</legend>
              {(['mine', 'theirs'] as const).map((s) => (
                <label key={s} className="check">
                  <input
                    type="radio"
                    name={id}
                    checked={side === s}
                    onChange={() => setChoices((c) => ({ ...c, [id]: s }))}
                  />
                  {s === 'mine' ? 'Keep mine' : 'Keep theirs'}
                  <pre className="merge-value">
                    {JSON.stringify(s === 'mine' ? unit.mine : unit.theirs, null, 2) ?? '(deleted)'}
                  </pre>
                </label>
              ))}
            </fieldset>
          );
        })}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={close}>
          Cancel
        </button>
        <button type="button" onClick={() => reloadTheirResources(conflict)}>
          Take theirs
        </button>
        <button type="button" className="primary" onClick={() => void saveMergedResources(conflict, choices)}>
          Save merged
        </button>
      </div>
    </Dialog>
  );
}
