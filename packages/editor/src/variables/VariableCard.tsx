import {
  type Flow,
  type Problem,
  VARIABLE_TYPES,
  type VariableDeclaration,
  type VariableType,
} from '@callflow/model';
import { useEffect } from 'react';
import { useEditorStore } from '../store/flow-store';
import { pendingProblem } from '../store/pending-edits';
import { usePendingText } from '../store/use-pending-text';
import { defaultText, parseDefault } from './variable-defaults';
import {
  checkVariableName,
  removeVariable,
  renameVariable,
  setInPopover,
  updateVariable,
} from './variable-edits';

const TYPE_LABELS: Record<VariableType, string> = {
  string: 'Text',
  boolean: 'Yes / no',
  integer: 'Whole number',
  decimal: 'Decimal number',
  dateTime: 'Date-time (ISO 8601)',
  json: 'JSON',
};

const FLAGS: { key: 'agentViewable' | 'agentEditable' | 'secure' | 'reportable'; label: string }[] = [
  { key: 'agentViewable', label: 'Agent viewable' },
  { key: 'agentEditable', label: 'Agent editable' },
  { key: 'secure', label: 'Secure (never logged or in a popover)' },
  { key: 'reportable', label: 'Reportable' },
];

/** One flow variable: name, type, default, desktop label and the agent-desktop flags. */
export function VariableCard({
  name,
  declaration,
  flow,
  problems,
}: {
  name: string;
  declaration: VariableDeclaration;
  flow: Flow;
  problems: Problem[];
}) {
  const edit = useEditorStore.getState().edit;
  const path = `/variables/${name}`;
  // A name that cannot be used, or a default that does not fit the type, stays in its field as a
  // pending edit (saving refuses) instead of being thrown away or saved as something else.
  const [nameText, setNameText] = usePendingText(`${path}#name`, name, (typed) => {
    const current = useEditorStore.getState().flow;
    const error = current ? checkVariableName(current, typed, name) : null;
    return error
      ? {
          where: `Name of variable ${name}`,
          tab: 'variables',
          problem: pendingProblem(/already|parameter/.test(error) ? 'CF410' : 'CF106', error, path),
        }
      : null;
  });
  const [defaultInput, setDefaultInput] = usePendingText(
    `${path}/default`,
    defaultText(declaration),
    (typed) => {
      const parsed = parseDefault(typed, declaration.type);
      return parsed.ok
        ? null
        : {
            where: `Default of variable ${name}`,
            tab: 'variables',
            problem: pendingProblem(parsed.tooLong ? 'CF404' : 'CF407', parsed.message, `${path}/default`),
          };
    },
    (typed, applied) => {
      const parsed = parseDefault(typed, declaration.type);
      return parsed.ok && defaultText({ ...declaration, default: parsed.value }) === applied;
    },
  );
  const nameError = checkVariableName(flow, nameText, name);
  // A click on a problem of this variable focuses its field.
  const focus = useEditorStore((s) => s.focus);
  useEffect(() => {
    if (!focus || (focus.path !== path && !focus.path.startsWith(`${path}/`))) return;
    const field = document.getElementById(
      focus.path === `${path}/default` ? `variable-${name}-default` : `variable-${name}-name`,
    );
    field?.scrollIntoView({ block: 'center' });
    field?.focus();
  }, [focus, path, name]);
  const parsedDefault = parseDefault(defaultInput, declaration.type);
  const update = (patch: Partial<VariableDeclaration>, coalesce?: string) =>
    edit((f) => updateVariable(f, name, clean({ ...declaration, ...patch })), coalesce);
  const base = `variable-${name}`;
  const inPopover = flow.popover?.includes(name) ?? false;

  return (
    <fieldset className="variable-card" aria-label={`Variable ${name}`}>
      <legend>{name}</legend>
      <div className="field">
        <label htmlFor={`${base}-name`}>Name</label>
        <input
          id={`${base}-name`}
          value={nameText}
          aria-invalid={!!nameError}
          onChange={(e) => setNameText(e.target.value)}
          onBlur={() => {
            if (!nameError && nameText !== name)
              useEditorStore
                .getState()
                .rename(`/variables/${name}`, `/variables/${nameText}`, { from: name, to: nameText }, (f) =>
                  renameVariable(f, name, nameText),
                );
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
            if (e.key === 'Escape') setNameText(name);
          }}
        />
        {nameError && <p className="field-error">{nameError}</p>}
      </div>
      <div className="field-row">
        <label className="field">
          Type
          <select
            value={declaration.type}
            onChange={(e) => {
              const type = e.target.value as VariableType;
              const { default: _old, ...rest } = declaration;
              update(
                type === 'json'
                  ? { ...rest, type, agentViewable: undefined, agentEditable: undefined }
                  : { ...rest, type },
              );
            }}
          >
            {VARIABLE_TYPES.map((t) => (
              <option key={t} value={t}>
                {TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Default
          <input
            id={`${base}-default`}
            value={defaultInput}
            aria-invalid={!parsedDefault.ok}
            placeholder={declaration.type === 'boolean' ? 'true / false' : '(none)'}
            onChange={(e) => {
              setDefaultInput(e.target.value);
              const parsed = parseDefault(e.target.value, declaration.type);
              if (parsed.ok) update({ default: parsed.value }, `${name}:default`);
            }}
          />
        </label>
      </div>
      {!parsedDefault.ok && <p className="field-error">{parsedDefault.message}</p>}
      <div className="field">
        <label htmlFor={`${base}-label`}>Desktop label</label>
        <input
          id={`${base}-label`}
          value={declaration.label ?? ''}
          placeholder="What agents see, e.g. Account number"
          onChange={(e) => update({ label: e.target.value || undefined }, `${name}:label`)}
        />
      </div>
      <div className="flags">
        {FLAGS.map((flag) => (
          <label key={flag.key} className="check">
            <input
              type="checkbox"
              checked={declaration[flag.key] === true}
              disabled={
                declaration.type === 'json' && (flag.key === 'agentViewable' || flag.key === 'agentEditable')
              }
              onChange={(e) => update({ [flag.key]: e.target.checked || undefined })}
            />
            {flag.label}
          </label>
        ))}
        <label className="check">
          <input
            type="checkbox"
            checked={inPopover}
            onChange={(e) => edit((f) => setInPopover(f, name, e.target.checked))}
          />
          In the agent popover
        </label>
      </div>
      {problems.length > 0 && (
        <ul className="field-problems">
          {problems.map((p) => (
            <li key={`${p.code}:${p.path}`} className={p.severity === 'warning' ? 'is-warning' : undefined}>
              {p.code}: {p.message}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="danger" onClick={() => edit((f) => removeVariable(f, name))}>
        Remove variable {name}
      </button>
    </fieldset>
  );
}

/** Drops flags that are off, so the file only says what is on. */
function clean(declaration: VariableDeclaration): VariableDeclaration {
  const out = { ...declaration } as Record<string, unknown>;
  for (const [key, value] of Object.entries(out)) if (value === undefined || value === false) delete out[key];
  return out as unknown as VariableDeclaration;
}
