import { MAX_VARIABLE_VALUE_LENGTH } from '@callflow/model';
import { useEffect, useState } from 'react';
import { ApiError } from '../api/request';
import type { CadVariable } from './desktop-api';
import { noticeOf, notify, refreshAgent, useDesktop } from './desktop-store';

const text = (value: unknown) =>
  value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);

/**
 * The connected call's data: agent-viewable variables shown, agent-editable ones editable (at most
 * 256 characters), secure ones masked. The first save wins: a save made from an older version is
 * refused and the agent is told who won and what the value is now.
 */
export function CadTable({ variables }: { variables: readonly CadVariable[] }) {
  if (variables.length === 0) return <p className="muted">This call has no data for agents.</p>;
  return (
    <table className="desk-cad" aria-label="Call data">
      <tbody>
        {variables.map((variable) => (
          <tr key={variable.name} data-variable={variable.name}>
            <th scope="row">{variable.label}</th>
            <td>
              {variable.secure ? (
                <SecureValue variable={variable} />
              ) : variable.editable ? (
                <EditableValue variable={variable} />
              ) : (
                <output>{text(variable.value)}</output>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A secure value stays masked: the service never sends it to a desktop (docs/security.md#secure-values),
 * so asking to see it says so instead of showing it.
 */
function SecureValue({ variable }: { variable: CadVariable }) {
  const [asked, setAsked] = useState(false);
  return (
    <span className="desk-secure">
      <output>•••</output>
      {asked ? (
        <span role="note">Secure values never leave the service; ask the caller to confirm it.</span>
      ) : (
        <button type="button" onClick={() => setAsked(true)} aria-label={`Show ${variable.label}`}>
          Show
        </button>
      )}
    </span>
  );
}

function EditableValue({ variable }: { variable: CadVariable }) {
  const [value, setValue] = useState(text(variable.value));
  const [base, setBase] = useState(variable.version);
  const [dirty, setDirty] = useState(false);
  // A save by someone else shows here unless the agent is typing (their save will then be refused).
  useEffect(() => {
    if (!dirty) {
      setValue(text(variable.value));
      setBase(variable.version);
    }
  }, [variable.value, variable.version, dirty]);
  const tooLong = value.length > MAX_VARIABLE_VALUE_LENGTH;
  const save = async () => {
    const { api } = useDesktop.getState();
    if (!api || tooLong) return;
    try {
      const saved = await api.saveVariable(variable.name, value, base);
      setBase(saved.version);
      setDirty(false);
      notify({ kind: 'info', text: `${variable.label} saved.` });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'variable_conflict') {
        const current = error.details.current as { value?: unknown; version: number } | undefined;
        setValue(text(current?.value));
        setBase(current?.version ?? base);
        setDirty(false);
        notify({
          kind: 'error',
          code: error.code,
          text: `Someone else saved ${variable.label} first: it is now "${text(current?.value)}". Your value was not saved.`,
        });
      } else notify(noticeOf(error));
    }
    await refreshAgent().catch(() => undefined);
  };
  return (
    <form
      className="desk-cad-edit"
      aria-label={`Edit ${variable.label}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <input
        aria-label={variable.label}
        value={value}
        aria-invalid={tooLong}
        onChange={(e) => {
          setValue(e.target.value);
          setDirty(true);
        }}
      />
      {tooLong && (
        <span role="alert">
          At most {MAX_VARIABLE_VALUE_LENGTH} characters ({value.length} now).
        </span>
      )}
      <button type="submit" disabled={!dirty || tooLong}>
        Save
      </button>
    </form>
  );
}
