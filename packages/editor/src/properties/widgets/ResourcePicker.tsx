import type { Resources } from '@callflow/model';
import { useEditorStore } from '../../store/flow-store';
import type { WidgetProps } from './types';

export type ResourceKind = 'queues' | 'numbers' | 'hours' | 'prompts' | 'agentGroups';

export interface ResourceOption {
  name: string;
  label: string;
}

/** The named resources of one kind, labelled the way admins know them. */
export function resourceOptions(resources: Resources | null, kind: ResourceKind): ResourceOption[] {
  if (!resources) return [];
  const entries = Object.entries(resources[kind] ?? {}) as [string, Record<string, unknown>][];
  return entries.map(([name, r]) => {
    let detail = '';
    if (kind === 'numbers') detail = `${String(r.displayName ?? '')} ${String(r.number ?? '')}`.trim();
    else if (kind === 'prompts') detail = String(r.text ?? '').slice(0, 50);
    else if (kind === 'hours') detail = String(r.timeZone ?? '');
    else detail = String(r.displayName ?? '');
    return { name, label: detail ? `${name} — ${detail}` : name };
  });
}

export interface ResourcePickerProps {
  id: string;
  kind: ResourceKind;
  value: string | undefined;
  required: boolean;
  invalid: boolean;
  onChange(value: string | undefined): void;
}

/** A select of resources; without a resources file (offline), a plain name field. */
export function ResourcePicker({ id, kind, value, required, invalid, onChange }: ResourcePickerProps) {
  const resources = useEditorStore((s) => s.resources);
  const options = resourceOptions(resources, kind);
  if (!resources) {
    return (
      <input
        id={id}
        value={value ?? ''}
        aria-invalid={invalid}
        placeholder="name from resources"
        onChange={(e) => onChange(e.target.value || undefined)}
      />
    );
  }
  const unknown = value !== undefined && value !== '' && !options.some((o) => o.name === value);
  return (
    <select
      id={id}
      value={value ?? ''}
      aria-invalid={invalid || unknown}
      onChange={(e) => onChange(e.target.value || undefined)}
    >
      {(!required || !value) && <option value="">{required ? 'Choose…' : '(none)'}</option>}
      {unknown && <option value={value}>{value} (not in resources)</option>}
      {options.map((o) => (
        <option key={o.name} value={o.name}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

export function QueuePicker(props: WidgetProps) {
  return <ResourceWidget {...props} kind="queues" />;
}

export function HoursPicker(props: WidgetProps) {
  return <ResourceWidget {...props} kind="hours" />;
}

export function NumberPicker(props: WidgetProps) {
  return <ResourceWidget {...props} kind="numbers" />;
}

function ResourceWidget({ id, value, info, invalid, onChange, kind }: WidgetProps & { kind: ResourceKind }) {
  return (
    <ResourcePicker
      id={id}
      kind={kind}
      value={typeof value === 'string' ? value : undefined}
      required={info.required}
      invalid={invalid}
      onChange={onChange}
    />
  );
}
