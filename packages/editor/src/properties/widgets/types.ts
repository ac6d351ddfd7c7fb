import type { FieldHint } from '@callflow/model';
import type { FieldInfo } from '../field-schema';

/** What every settings widget receives. `onChange(undefined)` removes an optional setting. */
export interface WidgetProps {
  /** DOM id of the widget's main control (the label points at it; problems focus it). */
  id: string;
  hint: FieldHint;
  info: FieldInfo;
  value: unknown;
  /** All settings of the block, for widgets whose choices depend on a sibling (whisper kind). */
  settings: Record<string, unknown>;
  blockId: string;
  invalid: boolean;
  onChange(value: unknown): void;
}

export function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
