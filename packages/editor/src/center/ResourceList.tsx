import type { ResourceKind, Resources } from '@callflow/model';
import { useState } from 'react';
import { type CenterSelection, useCenterStore } from './center-store';
import { createEntry } from './resource-actions';
import { KINDS } from './resource-kinds';

/** Every entry by kind, each with its problem count, and a way to add one. */
export function ResourceList({
  resources,
  errorsAt,
}: {
  resources: Resources;
  errorsAt(path: string): number;
}) {
  const selection = useCenterStore((s) => s.selection);
  const select = (s: CenterSelection) => useCenterStore.getState().select(s);
  return (
    <nav className="resource-list" aria-label="Resources">
      <button
        type="button"
        className="resource-item"
        aria-current={selection?.kind === 'account' ? 'true' : undefined}
        onClick={() => select({ kind: 'account' })}
      >
        Account settings
        {errorsAt('/account') + errorsAt('/httpAllowlist') > 0 && <span className="badge is-error">!</span>}
      </button>
      {KINDS.map((k) => (
        <section key={k.kind} aria-label={k.title}>
          <h3>{k.title}</h3>
          <ul>
            {Object.keys(resources[k.kind]).map((name) => {
              const errors = errorsAt(`/${k.kind}/${name}`);
              const current = selection?.kind === k.kind && 'name' in selection && selection.name === name;
              return (
                <li key={name}>
                  <button
                    type="button"
                    className="resource-item"
                    aria-current={current ? 'true' : undefined}
                    onClick={() => select({ kind: k.kind, name })}
                  >
                    {name}
                    {errors > 0 && (
                      <span className="badge is-error" title={`${errors} problems`}>
                        {errors}
                      </span>
                    )}
                  </button>
                </li>
              );
            })}
          </ul>
          <NewEntry kind={k.kind} one={k.one} />
        </section>
      ))}
    </nav>
  );
}

function NewEntry({ kind, one }: { kind: ResourceKind; one: string }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!open)
    return (
      <button type="button" className="link" onClick={() => setOpen(true)}>
        + New {one}
      </button>
    );
  const create = () => {
    const result = createEntry(kind, name.trim());
    if (!result.ok) {
      setError(`${result.code}: ${result.message}`);
      return;
    }
    setOpen(false);
    setName('');
    setError(null);
  };
  return (
    <div className="new-entry">
      <input
        type="text"
        aria-label={`Name of the new ${one}`}
        autoComplete="off"
        // biome-ignore lint/a11y/noAutofocus: the field appears on the admin's click, to be typed in.
        autoFocus
        value={name}
        aria-invalid={error !== null}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') create();
          if (e.key === 'Escape') setOpen(false);
        }}
      />
      <button type="button" onClick={create}>
        Add {one}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
