import type { JsonSchema } from '@callflow/model';
import { useEffect } from 'react';
import { useEditorStore } from '../../store/flow-store';
import { pendingProblem } from '../../store/pending-edits';
import { usePendingText } from '../../store/use-pending-text';
import { resolveSchema } from '../field-schema';
import { OperandField } from './OperandInput';
import { asArray, asRecord, type WidgetProps } from './types';
import { useModuleInterface } from './use-module-interface';
import { VariableField } from './VariableInput';

type ValueKind = 'text' | 'operand' | 'variable';

/** What the values of a key/value setting are, read from its schema. */
export function keyValueShape(schema: JsonSchema): { list?: [string, string]; value: ValueKind } {
  if (schema.type === 'array') {
    const item = resolveSchema(schema.items as JsonSchema | undefined);
    const keys = Object.keys((item.properties ?? {}) as object);
    return {
      list: [keys[0] ?? 'key', keys[1] ?? 'value'],
      value: keys[1] === 'variable' ? 'variable' : 'text',
    };
  }
  const values = resolveSchema(schema.additionalProperties as JsonSchema | undefined);
  if (values.minProperties === 1 && values.maxProperties === 1) return { value: 'operand' };
  if (typeof values.pattern === 'string' && values.pattern.includes('[A-Za-z][A-Za-z0-9_]'))
    return { value: 'variable' };
  return { value: 'text' };
}

/** Pairs edited as rows; stored as an object (headers, body, module parameters) or a list (mappings). */
export function KeyValueEditor({ id, value, onChange, info, hint, settings, blockId }: WidgetProps) {
  const shape = keyValueShape(info.schema);
  // Module parameters: offer the names the chosen module declares.
  const module = useModuleInterface(
    hint.widget === 'moduleParameters' && typeof settings.module === 'string' ? settings.module : undefined,
  );
  const declared = hint.key === 'inputs' || hint.key === 'outputs' ? (module?.[hint.key] ?? {}) : {};
  const rows: [string, unknown][] = shape.list
    ? asArray(value).map((r) => [String(asRecord(r)[shape.list![0]] ?? ''), asRecord(r)[shape.list![1]]])
    : Object.entries(asRecord(value));
  const write = (next: [string, unknown][]) => {
    if (shape.list) {
      const [k, v] = shape.list;
      onChange(
        next.length === 0 && !info.required ? undefined : next.map(([key, val]) => ({ [k]: key, [v]: val })),
      );
    } else {
      onChange(next.length === 0 && !info.required ? undefined : Object.fromEntries(next));
    }
  };
  const keyLabel = shape.list ? shape.list[0] : 'name';
  const keyPrefix = `/blocks/${blockId}/settings/${hint.key}`;
  const emptyValue = shape.value === 'operand' ? { value: '' } : '';
  return (
    <div className="list-editor" id={id}>
      {rows.map(([key, val], i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: keys may be edited to duplicates while typing
        <div className="list-row" key={i}>
          <RowKey
            label={`${hint.label} ${i + 1} ${keyLabel}`}
            placeholder={keyLabel}
            value={key}
            pendingKey={`${keyPrefix}#key${i}`}
            blockId={blockId}
            where={`${hint.label} ${i + 1} of block ${blockId}`}
            // Keys of an object must stay distinct: a repeated one would silently replace the other row.
            taken={(typed) => !shape.list && rows.some(([other], k) => k !== i && other === typed)}
            onCommit={(typed) => write(rows.map((r, k) => (k === i ? [typed, r[1]] : r)))}
          />
          {shape.value === 'operand' ? (
            <OperandField
              id={`${id}-${i}`}
              label={`${hint.label} ${i + 1} value`}
              value={val}
              onChange={(v) => write(rows.map((r, k) => (k === i ? [r[0], v] : r)))}
            />
          ) : shape.value === 'variable' ? (
            <VariableField
              id={`${id}-${i}`}
              mode="write"
              label={`${hint.label} ${i + 1} variable`}
              value={typeof val === 'string' ? val : ''}
              onChange={(v) => write(rows.map((r, k) => (k === i ? [r[0], v] : r)))}
            />
          ) : (
            <input
              aria-label={`${hint.label} ${i + 1} value`}
              value={typeof val === 'string' ? val : ''}
              onChange={(e) => write(rows.map((r, k) => (k === i ? [r[0], e.target.value] : r)))}
            />
          )}
          <button
            type="button"
            aria-label={`Remove ${key || `row ${i + 1}`}`}
            onClick={() => {
              // The rows after this one move up: what they held typed belongs to rows that moved.
              const store = useEditorStore.getState();
              for (let k = i; k < rows.length; k++) store.setPending(`${keyPrefix}#key${k}`, null);
              write(rows.filter((_, k) => k !== i));
            }}
          >
            ✕
          </button>
        </div>
      ))}
      {Object.entries(declared)
        .filter(([name]) => !rows.some(([key]) => key === name))
        .map(([name, parameter]) => (
          <button key={name} type="button" onClick={() => write([...rows, [name, emptyValue]])}>
            Add {name} ({parameter.type}
            {parameter.required ? ', required' : ''})
          </button>
        ))}
      <button type="button" onClick={() => write([...rows, [shape.list ? '' : nextKey(rows), emptyValue]])}>
        Add
      </button>
    </div>
  );
}

function nextKey(rows: [string, unknown][]): string {
  // Object keys must stay distinct, or a new row would overwrite an old one.
  let n = rows.length + 1;
  while (rows.some(([k]) => k === `name${n}`)) n++;
  return `name${n}`;
}

/**
 * The key of one row. A key another row already has is not written (the object would lose a row): it
 * stays in the field as a pending edit, and saving refuses until it is changed.
 */
function RowKey({
  label,
  placeholder,
  value,
  pendingKey,
  blockId,
  where,
  taken,
  onCommit,
}: {
  label: string;
  placeholder: string;
  value: string;
  pendingKey: string;
  blockId: string;
  where: string;
  taken(key: string): boolean;
  onCommit(key: string): void;
}) {
  const path = pendingKey.slice(0, pendingKey.indexOf('#'));
  const [text, setText] = usePendingText(pendingKey, value, (typed) =>
    taken(typed)
      ? {
          where,
          tab: 'properties',
          problem: pendingProblem('CF410', `Another row already uses "${typed}".`, path, blockId),
        }
      : null,
  );
  // Once the other row is renamed or removed, the key typed here is written.
  useEffect(() => {
    if (text !== value && !taken(text)) onCommit(text);
  });
  return (
    <input
      aria-label={label}
      placeholder={placeholder}
      value={text}
      aria-invalid={taken(text)}
      onChange={(e) => {
        setText(e.target.value);
        if (!taken(e.target.value)) onCommit(e.target.value);
      }}
    />
  );
}
