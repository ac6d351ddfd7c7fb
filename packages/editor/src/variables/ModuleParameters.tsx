import {
  type Flow,
  nameRegExp,
  type ParameterDeclaration,
  VARIABLE_TYPES,
  type VariableType,
} from '@callflow/model';
import { useState } from 'react';
import { useEditorStore } from '../store/flow-store';
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
          <input
            aria-label={`${title}: ${name} name`}
            defaultValue={name}
            onBlur={(e) => {
              const to = e.target.value.trim();
              if (to !== name && nameRegExp.test(to)) edit((f) => renameParameter(f, side, name, to));
              else e.target.value = name;
            }}
          />
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
