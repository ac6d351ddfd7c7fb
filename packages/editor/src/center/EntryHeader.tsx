import type { ResourceKind } from '@callflow/model';
import { useEffect, useState } from 'react';
import { deleteEntry, renameEntry } from './resource-actions';
import { kindInfo } from './resource-kinds';

/** The entry's name (renamed in place) and its Delete button. */
export function EntryHeader({ kind, name }: { kind: ResourceKind; name: string }) {
  const [text, setText] = useState(name);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(name);
    setError(null);
  }, [name]);
  const one = kindInfo(kind).one;
  const rename = () => {
    const result = renameEntry(kind, name, text.trim());
    setError(result.ok ? null : `${result.code}: ${result.message}`);
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
          <button type="button" className="danger" onClick={() => deleteEntry(kind, name)}>
            Delete {one}
          </button>
        </span>
        <p className="help">Flows refer to the {one} by this name.</p>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </header>
  );
}
