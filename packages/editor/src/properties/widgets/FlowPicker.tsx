import { useEditorStore } from '../../store/flow-store';
import { offeredFlowTypes } from './flow-types';
import type { WidgetProps } from './types';

/** Another flow of the project, of a fitting type. */
export function FlowPicker({ id, value, onChange, hint, settings, info, invalid }: WidgetProps) {
  const flows = useEditorStore((s) => s.flows);
  const self = useEditorStore((s) => s.flow?.id);
  const types = offeredFlowTypes(hint.flowTypes, settings);
  const options = flows.filter((f) => f.id !== self && (types.length === 0 || offers(types, f.type)));
  const current = typeof value === 'string' ? value : '';
  const listed = flows.find((f) => f.id === current);
  const wrongType = listed && types.length > 0 && !offers(types, listed.type);
  return (
    <>
      <select
        id={id}
        value={current}
        aria-invalid={invalid || !!wrongType}
        onChange={(e) => onChange(e.target.value || undefined)}
      >
        {(!info.required || !current) && (
          <option value="">{info.required ? 'Choose a flow…' : '(none)'}</option>
        )}
        {current && !options.some((f) => f.id === current) && (
          <option value={current}>
            {current} {listed ? `(${listed.type}: does not fit)` : '(not found)'}
          </option>
        )}
        {options.map((f) => (
          <option key={f.id} value={f.id}>
            {f.name} ({f.id})
          </option>
        ))}
      </select>
      {types.length > 0 && <p className="help">Shows {types.join(', ')} flows.</p>}
    </>
  );
}

/** The list gives a flow's type as its file says it (null when unreadable), not only a known type. */
function offers(types: readonly string[], type: string | null): boolean {
  return type !== null && types.includes(type);
}
