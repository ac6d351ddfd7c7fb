import type { ResourceKind } from '@callflow/model';
import { useEffect, useState } from 'react';
import { useCenterStore } from '../center/center-store';
import { deleteEntry } from '../center/resource-actions';
import { kindInfo } from '../center/resource-kinds';
import { Dialog } from '../files/Dialog';
import { entryUsages } from './entry-usages';
import { describeError, isSavedEntry } from './rename-entry';
import { UsageList } from './UsageList';
import type { UsageAnswer } from './usage-calls';

/**
 * Deleting an entry asks first, listing every flow block, test and resource that names it; confirmed,
 * the entry goes as one undoable edit of the Center (saved with Save), and the flows that named it show
 * the problem at once (unknown queue, number, prompt or hours).
 */
export function DeleteEntryDialog({
  kind,
  name,
  onClose,
}: {
  kind: ResourceKind;
  name: string;
  onClose(): void;
}) {
  const [answer, setAnswer] = useState<UsageAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const one = kindInfo(kind).one;
  useEffect(() => {
    const resources = useCenterStore.getState().resources;
    if (!resources) return;
    let current = true;
    entryUsages(kind, name, resources, isSavedEntry(kind, name)).then(
      (found) => current && setAnswer(found),
      (e: unknown) => {
        if (!current) return;
        const { code, message } = describeError(e);
        setError(`${code}: ${message}`);
      },
    );
    return () => {
      current = false;
    };
  }, [kind, name]);
  const remove = () => {
    deleteEntry(kind, name);
    onClose();
  };
  const used = (answer?.usages.length ?? 0) > 0;
  return (
    <Dialog title={`Delete ${one} ${name}`} onClose={onClose} wide={used}>
      {error && (
        <p className="field-error" role="alert">
          Could not tell where it is used: {error}
        </p>
      )}
      {!answer && !error && <p className="muted">Finding every use of {name}…</p>}
      {answer && (
        <>
          {used ? (
            <p role="alert">
              {one[0]!.toUpperCase() + one.slice(1)} <strong>{name}</strong> is used in {answer.usages.length}{' '}
              {answer.usages.length === 1 ? 'place' : 'places'}. Deleting it leaves them naming a {one} that
              does not exist: each flow will show the problem until it is changed.
            </p>
          ) : (
            <p>
              Nothing uses {one} {name}.
            </p>
          )}
          <UsageList
            usages={answer.usages}
            unreadable={answer.unreadable}
            empty="No flow, test or other resource names it."
            onOpen={onClose}
          />
        </>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="danger" disabled={!answer && !error} onClick={remove}>
          {used ? 'Delete anyway' : 'Delete'}
        </button>
      </div>
    </Dialog>
  );
}
