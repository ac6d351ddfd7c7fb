import {
  type Flow,
  nameRegExp,
  type ParameterDeclaration,
  VARIABLE_TYPES,
  type VariableType,
} from '@callflow/model';
import { useState } from 'react';
import { useEditorStore } from '../store/flow-store';
import { pendingProblem } from '../store/pending-edits';
import { usePendingText } from '../store/use-pending-text';
import { type ParameterSide, removeParameter, renameParameter, setParameter } from './module-edits';

const SIDES: { side: ParameterSide; title: string; help: string }[] = [
  {
    side: 'inputs',
    title: 'Module inputs',
    help: 'Values the invoking flow passes in; blocks read them like variables.',
  },
  {
    side: 'outputs',
    title: 'Module outputs',
    help: 'Values the Return block hands back to the invoking flow.',
  },
];

/** The inputs and outputs a module flow declares (shown for module flows only). */
export function ModuleParameters({ flow }: { flow: Flow }) {
  return (
    <>
      {SIDES.map(({ side, title, help }) => (
        <ParameterList key={side} flow={flow} side={side} title={title} help={help} />
      ))}
    </>
  );
}

function ParameterList({
  flow,
  side,
  title,
  help,
}: {
  flow: Flow;
  side: ParameterSide;
  title: string;
  help: string;
}) {
  const edit = useEditorStore.getState().edit;
  const parameters = Object.entries(flow.module?.[side] ?? {});
  const [newName, setNewName] = useState('');
  const taken = newName !== '' && (!!flow.module?.[side]?.[newName] || !nameRegExp.test(newName));
  const update = (name: string, declaration: ParameterDeclaration) =>
    edit((f) => setParameter(f, side, name, declaration));
  return (
    <section aria-label={title} className="module-parameters">
      <h3>{title}</h3>
      <p className="help">{help}</p>
      {parameters.map(([name, declaration]) => (
        <div className="list-row" key={name}>
          <ParameterName flow={flow} side={side} title={title} name={name} />
          <select
            aria-label={`${title}: ${name} type`}
            value={declaration.type}
            onChange={(e) => update(name, { ...declaration, type: e.target.value as VariableType })}
          >
            {VARIABLE_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
          <label className="check">
            <input
              type="checkbox"
              checked={declaration.required === true}
              onChange={(e) => {
                const { required: _old, ...rest } = declaration;
                update(name, e.target.checked ? { ...rest, required: true } : rest);
              }}
            />
            required
          </label>
          <button
            type="button"
            aria-label={`Remove ${name}`}
            onClick={() => edit((f) => removeParameter(f, side, name))}
          >
            ✕
          </button>
        </div>
      ))}
      <span className="field-row">
        <input
          aria-label={`New ${side === 'inputs' ? 'input' : 'output'} name`}
          placeholder="name"
          value={newName}
          aria-invalid={taken}
          onChange={(e) => setNewName(e.target.value.trim())}
        />
        <button
          type="button"
          disabled={newName === '' || taken}
          onClick={() => {
            update(newName, { type: 'string' });
            setNewName('');
          }}
        >
          Add {side === 'inputs' ? 'input' : 'output'}
        </button>
      </span>
    </section>
  );
}

/**
 * A parameter's name, renamed when the field is left (or on Enter, or by a save). A name that cannot
 * be used stays in the field as a pending edit (saving refuses) until fixed, or Escape restores it.
 */
function ParameterName({
  flow,
  side,
  title,
  name,
}: {
  flow: Flow;
  side: ParameterSide;
  title: string;
  name: string;
}) {
  const path = `/module/${side}/${name}`;
  const problemOf = (typed: string): string | null => {
    const to = typed.trim();
    if (to === name) return null;
    if (!nameRegExp.test(to)) return 'Start with a letter; then letters, digits or _.';
    return flow.module?.[side]?.[to] ? `"${to}" is already declared.` : null;
  };
  const [text, setText] = usePendingText(`${path}#name`, name, (typed) => {
    const problem = problemOf(typed);
    return problem
      ? {
          where: `Name of module ${side === 'inputs' ? 'input' : 'output'} ${name}`,
          tab: 'variables',
          problem: pendingProblem(/already/.test(problem) ? 'CF410' : 'CF106', problem, path),
        }
      : null;
  });
  const problem = problemOf(text);
  const commit = () => {
    const to = text.trim();
    if (to !== name && !problem)
      useEditorStore
        .getState()
        .rename(path, `/module/${side}/${to}`, { from: name, to }, (f) => renameParameter(f, side, name, to));
  };
  return (
    <span className="field">
      <input
        aria-label={`${title}: ${name} name`}
        value={text}
        aria-invalid={problem !== null}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setText(name);
        }}
      />
      {problem && <span className="field-error">{problem}</span>}
    </span>
  );
}
