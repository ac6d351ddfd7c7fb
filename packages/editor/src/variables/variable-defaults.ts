/** Default values typed as text in the Variables panel, read by the variable's type. */
import type { JsonValue, VariableDeclaration, VariableType } from '@callflow/model';

export type ParsedDefault =
  | { ok: true; value: JsonValue | undefined }
  | { ok: false; message: string; tooLong?: true };

export function defaultText(declaration: VariableDeclaration): string {
  const value = declaration.default;
  if (value === undefined) return '';
  if (declaration.type === 'json') return JSON.stringify(value);
  return String(value);
}

export function parseDefault(text: string, type: VariableType): ParsedDefault {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  switch (type) {
    case 'string':
      return text.length > 256
        ? { ok: false, message: 'At most 256 characters.', tooLong: true }
        : { ok: true, value: text };
    case 'boolean':
      return trimmed === 'true' || trimmed === 'false'
        ? { ok: true, value: trimmed === 'true' }
        : { ok: false, message: 'Type true or false.' };
    case 'integer':
      return /^-?\d+$/.test(trimmed)
        ? { ok: true, value: Number(trimmed) }
        : { ok: false, message: 'A whole number.' };
    case 'decimal':
      return Number.isFinite(Number(trimmed))
        ? { ok: true, value: Number(trimmed) }
        : { ok: false, message: 'A number, e.g. 12.5.' };
    case 'dateTime':
      return Number.isNaN(Date.parse(trimmed))
        ? { ok: false, message: 'An ISO 8601 date-time, e.g. 2026-01-31T09:00:00Z.' }
        : { ok: true, value: trimmed };
    case 'json':
      try {
        return { ok: true, value: JSON.parse(trimmed) as JsonValue };
      } catch {
        return { ok: false, message: 'Not valid JSON.' };
      }
  }
}
