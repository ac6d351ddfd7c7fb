import { type Flow, SYSTEM_VARIABLES } from '@callflow/model';
import { useId } from 'react';
import { useEditorStore } from '../../store/flow-store';
import type { WidgetProps } from './types';

/** Names a block may read (flow variables, module inputs, system variables) or write (flow variables). */
export function variableChoices(flow: Flow | null, mode: 'read' | 'write'): string[] {
  const own = Object.keys(flow?.variables ?? {});
  if (mode === 'write') return own;
  return [...own, ...Object.keys(flow?.module?.inputs ?? {}), ...SYSTEM_VARIABLES.map((v) => v.name)];
}

export interface VariableFieldProps {
  id: string;
  value: string;
  mode: 'read' | 'write';
  invalid?: boolean;
  label?: string;
  onChange(value: string): void;
}

/** A variable name with suggestions, and a one-click declaration when the name is new. */
export function VariableField({ id, value, mode, invalid, label, onChange }: VariableFieldProps) {
  const flow = useEditorStore((s) => s.flow);
  const listId = useId();
  const choices = variableChoices(flow, mode);
  const undeclared = value !== '' && !choices.includes(value) && !value.startsWith('$');
  const declare = () =>
    useEditorStore
      .getState()
      .edit((f) => ({ ...f, variables: { ...f.variables, [value]: { type: 'string' } } }));
  return (
    <span className="field-row">
      <input
        id={id}
        list={listId}
        value={value}
        aria-label={label}
        aria-invalid={invalid || undeclared}
        placeholder={mode === 'write' ? 'variable' : 'variable or $system'}
        onChange={(e) => onChange(e.target.value.trim())}
      />
      <datalist id={listId}>
        {choices.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      {undeclared && /^[A-Za-z][A-Za-z0-9_]*$/.test(value) && (
        <button type="button" onClick={declare} title={`Declare ${value} as a string variable`}>
          Declare
        </button>
      )}
    </span>
  );
}

export function VariableInput({ id, value, onChange, invalid }: WidgetProps) {
  return (
    <VariableField
      id={id}
      mode="write"
      value={typeof value === 'string' ? value : ''}
      invalid={invalid}
      onChange={(v) => onChange(v === '' ? undefined : v)}
    />
  );
}
