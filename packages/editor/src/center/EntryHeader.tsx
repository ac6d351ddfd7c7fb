import type { ResourceKind } from '@callflow/model';
import { useEffect, useState } from 'react';
import { DeleteEntryDialog } from '../usage/DeleteEntryDialog';
import { EntryUsages } from '../usage/EntryUsages';
import { RenameEntryDialog } from '../usage/RenameEntryDialog';
import { useCenterStore } from './center-store';
import { checkEntryName } from './resource-actions';
import { kindInfo } from './resource-kinds';

/**
 * The entry's name and its Rename and Delete buttons, then where it is used. Both ask first: a rename
 * shows every flow and test it changes and writes them with the resources file in one step; a delete
 * lists every user.
 */
export function EntryHeader({ kind, name }: { kind: ResourceKind; name: string }) {
  const [text, setText] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<{ kind: 'rename'; to: string } | { kind: 'delete' } | null>(null);
  useEffect(() => {
    setText(name);
    setError(null);
    setDialog(null);
  }, [name]);
  const one = kindInfo(kind).one;
  const rename = () => {
    const to = text.trim();
    const resources = useCenterStore.getState().resources;
    if (!resources || to === name) return;
    const result = checkEntryName(resources, kind, to);
    setError(result.ok ? null : `${result.code}: ${result.message}`);
    if (result.ok) setDialog({ kind: 'rename', to });
  };
  return (
    <header className="entry-header">
      <h2>
        {kindInfo(kind).title} · {name}
      </h2>
      <div className="field">
        <span className="field-title">
          <label htmlFor="entry-name">Name</label>
        </span>
        <span className="field-row">
          <input
            id="entry-name"
            type="text"
            autoComplete="off"
            value={text}
            aria-invalid={error !== null}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') rename();
            }}
          />
          <button type="button" disabled={text.trim() === name} onClick={rename}>
            Rename
          </button>
          <button type="button" className="danger" onClick={() => setDialog({ kind: 'delete' })}>
            Delete {one}
          </button>
        </span>
        <p className="help">Flows refer to the {one} by this name: a rename changes them too.</p>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <EntryUsages kind={kind} name={name} />
      {dialog?.kind === 'rename' && (
        <RenameEntryDialog kind={kind} from={name} to={dialog.to} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteEntryDialog kind={kind} name={name} onClose={() => setDialog(null)} />
      )}
    </header>
  );
}
