import { useState } from 'react';
import { useEditorStore } from '../store/flow-store';
import { ModuleParameters } from './ModuleParameters';
import { PopoverEditor } from './PopoverEditor';
import { variableProblems } from './popover';
import { VariableCard } from './VariableCard';
import { checkVariableName, declareVariable, freeVariableName } from './variable-edits';

/** Flow variables (contact-attached data) and the agent popover. */
export function VariablesPanel() {
  const flow = useEditorStore((s) => s.flow);
  const problems = useEditorStore((s) => s.problems);
  const [newName, setNewName] = useState('');
  if (!flow) return null;
  const { popover, byVariable } = variableProblems(problems);
  const nameError = newName ? checkVariableName(flow, newName) : null;
  const add = () => {
    const name = newName || freeVariableName(flow);
    if (checkVariableName(flow, name)) return;
    useEditorStore.getState().edit((f) => declareVariable(f, name));
    setNewName('');
  };
  return (
    <section className="panel" aria-label="Variables">
      {flow.type === 'module' ? (
        <ModuleParameters flow={flow} />
      ) : (
        <PopoverEditor flow={flow} problems={popover} />
      )}
      <h3>Variables</h3>
      <div className="field">
        <label htmlFor="new-variable-name">New variable</label>
        <span className="field-row">
          <input
            id="new-variable-name"
            value={newName}
            placeholder="e.g. accountNumber"
            aria-invalid={!!nameError}
            onChange={(e) => setNewName(e.target.value.trim())}
            onKeyDown={(e) => e.key === 'Enter' && add()}
          />
          <button type="button" onClick={add} disabled={!!nameError}>
            Add variable
          </button>
        </span>
        {nameError && <p className="field-error">{nameError}</p>}
      </div>
      {Object.entries(flow.variables ?? {}).map(([name, declaration]) => (
        <VariableCard
          key={name}
          name={name}
          declaration={declaration}
          flow={flow}
          problems={byVariable.get(name) ?? []}
        />
      ))}
    </section>
  );
}
