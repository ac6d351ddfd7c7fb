import type { Problem, Resources } from '@callflow/model';
import { useState } from 'react';
import { Field, IntegerInput, NameSelect, TextInput } from './CenterFields';
import { problemsAt } from './center-problems';
import { useCenterStore } from './center-store';
import { setAccountField } from './entry-edits';
import { HANDLED_FIELDS } from './handled-fields';
import { SchemaFields } from './SchemaFields';

/** Account settings: its name, region, principal number, the countries it may dial, the HTTP allowlist. */
export function AccountForm({ resources, problems }: { resources: Resources; problems: readonly Problem[] }) {
  const account = resources.account;
  const at = (key: string) => problemsAt(problems, `/account/${key}`);
  return (
    <>
      <header className="entry-header">
        <h2>Account settings</h2>
      </header>
      <Field id="account-name" label="Account name" optional problems={at('name')}>
        <TextInput id="account-name" value={account.name} onChange={(v) => setAccountField('name', v)} />
      </Field>
      <Field
        id="account-defaultRegion"
        label="Region"
        problems={at('defaultRegion')}
        help='Two capital letters, like "US": national numbers are read in this region.'
      >
        <TextInput
          id="account-defaultRegion"
          required
          value={account.defaultRegion}
          onChange={(v) => setAccountField('defaultRegion', (v ?? '').toUpperCase())}
        />
      </Field>
      <Field id="account-principalNumber" label="Principal number" problems={at('principalNumber')}>
        <NameSelect
          id="account-principalNumber"
          value={account.principalNumber}
          names={Object.entries(resources.numbers).map(([value, n]) => ({
            value,
            label: `${value} · ${n.number}`,
          }))}
          onChange={(v) => setAccountField('principalNumber', v ?? '')}
        />
      </Field>
      <ListField
        id="account-allowedCountries"
        label="Allowed countries"
        help='Countries flows and agents may dial, like "US" (toll-fraud guard); none listed allows none.'
        values={account.allowedCountries}
        normalize={(v) => v.toUpperCase()}
        onChange={(v) => setAccountField('allowedCountries', v)}
        problems={at('allowedCountries')}
      />
      <ListField
        id="account-allowedSpecialNumbers"
        label="Allowed special numbers"
        help='Short codes and premium numbers flows may dial, exactly as dialled ("911").'
        values={account.allowedSpecialNumbers ?? []}
        onChange={(v) => setAccountField('allowedSpecialNumbers', v.length > 0 ? v : undefined)}
        problems={at('allowedSpecialNumbers')}
      />
      <Field
        id="account-maxConcurrentCalls"
        label="Maximum concurrent calls"
        optional
        problems={at('maxConcurrentCalls')}
      >
        <IntegerInput
          id="account-maxConcurrentCalls"
          value={account.maxConcurrentCalls}
          onChange={(v) => setAccountField('maxConcurrentCalls', v)}
        />
      </Field>
      <SchemaFields
        kind="account"
        path="/account"
        entry={account as unknown as Record<string, unknown>}
        handled={HANDLED_FIELDS.account}
        problems={problems}
        onChange={setAccountField}
      />
      <ListField
        id="httpAllowlist"
        label="HTTP allowlist"
        help="Hosts the HTTP request block may call even on private addresses (host or host:port)."
        values={resources.httpAllowlist ?? []}
        onChange={(v) =>
          useCenterStore.getState().edit((r) => {
            const { httpAllowlist: _old, ...rest } = r;
            return v.length > 0 ? { ...rest, httpAllowlist: v } : rest;
          }, 'httpAllowlist')
        }
        problems={problemsAt(problems, '/httpAllowlist')}
      />
    </>
  );
}

/** A list of short strings: each removable, one added at a time. */
function ListField({
  id,
  label,
  help,
  values,
  normalize = (v) => v,
  onChange,
  problems,
}: {
  id: string;
  label: string;
  help: string;
  values: readonly string[];
  normalize?: (value: string) => string;
  onChange(values: string[]): void;
  problems: readonly Problem[];
}) {
  const [text, setText] = useState('');
  const add = () => {
    const value = normalize(text.trim());
    if (value === '') return;
    onChange([...values, value]);
    setText('');
  };
  return (
    <Field id={id} label={label} problems={problems} help={help}>
      <ul className="chip-list" aria-label={label}>
        {values.map((v, i) => (
          <li key={v}>
            {v}{' '}
            <button
              type="button"
              aria-label={`Remove ${v}`}
              onClick={() => onChange(values.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <span className="field-row">
        <input
          id={id}
          type="text"
          autoComplete="off"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') add();
          }}
        />
        <button type="button" onClick={add}>
          Add
        </button>
      </span>
    </Field>
  );
}
