import type { Reference, ReferenceKind } from '../block-definition.js';
import type { FlowType } from '../flow.js';
import { escapePointer } from '../problems.js';

export const ALL_FLOWS: readonly FlowType[] = [
  'inbound',
  'customer-queue',
  'agent-whisper',
  'customer-whisper',
  'outbound-whisper',
  'module',
];
/** Flows that talk to a caller who is not yet with an agent. */
export const CALLER_FLOWS: readonly FlowType[] = ['inbound', 'customer-queue', 'module'];
export const WHISPER_FLOWS: readonly FlowType[] = ['agent-whisper', 'customer-whisper', 'outbound-whisper'];

/** Settings come from files and may be malformed: read them defensively. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function obj(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function refIf(
  kind: ReferenceKind,
  name: unknown,
  path: string,
  flowTypes?: readonly FlowType[],
): Reference[] {
  if (typeof name !== 'string' || name === '') return [];
  return [flowTypes ? { kind, name, path, flowTypes } : { kind, name, path }];
}

/** References made by a prompt setting (`{ prompt }` or `{ text }` with `{{variable}}` placeholders). */
export function promptRefs(value: unknown, path: string): Reference[] {
  const p = obj(value);
  if (!p) return [];
  if (typeof p.prompt === 'string') return refIf('prompt', p.prompt, `${path}/prompt`);
  if (typeof p.text === 'string') return placeholderRefs(p.text, `${path}/text`);
  return [];
}

const PLACEHOLDER = /\{\{\s*(\$?[A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

export function placeholderRefs(text: string, path: string): Reference[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({ kind: 'variable' as const, name: m[1]!, path }));
}

/** References made by an operand (`{ value }` or `{ variable }`). */
export function operandRefs(value: unknown, path: string): Reference[] {
  const o = obj(value);
  return o ? refIf('variable', o.variable, `${path}/variable`) : [];
}

/** References made by a structured condition, recursively. */
export function conditionRefs(value: unknown, path: string): Reference[] {
  const c = obj(value);
  if (!c) return [];
  const out: Reference[] = [];
  for (const key of ['all', 'any'] as const) {
    for (const [i, child] of arr(c[key]).entries()) out.push(...conditionRefs(child, `${path}/${key}/${i}`));
  }
  if (c.not !== undefined) out.push(...conditionRefs(c.not, `${path}/not`));
  out.push(...refIf('variable', c.variable, `${path}/variable`));
  out.push(...operandRefs(c.value, `${path}/value`));
  return out;
}

export function key(segment: string): string {
  return escapePointer(segment);
}

export function promptSummary(value: unknown): string {
  const p = obj(value);
  if (!p) return '';
  if (typeof p.prompt === 'string') return `prompt ${p.prompt}`;
  if (typeof p.text === 'string') return `"${p.text.length > 40 ? `${p.text.slice(0, 39)}…` : p.text}"`;
  return '';
}

export function operandSummary(value: unknown): string {
  const o = obj(value);
  if (!o) return '';
  if (typeof o.variable === 'string') return o.variable;
  return JSON.stringify(o.value ?? null);
}
