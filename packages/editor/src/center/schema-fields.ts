/**
 * Fields of resources.schema.json that a Center form has no control of its own for (added to the
 * schema since): each gets a control made from its schema, so no field of the file is out of reach.
 */
import { buildResourcesSchema, type JsonSchema, type ResourceKind } from '@callflow/model';

export type GenericControl = 'text' | 'integer' | 'checkbox' | 'select' | 'list' | 'json';

export interface GenericField {
  key: string;
  control: GenericControl;
  required: boolean;
  /** The choices of a `select`. */
  options?: readonly string[];
  description?: string;
}

let schema: JsonSchema | undefined;

function resolve(node: JsonSchema | undefined, defs: Record<string, JsonSchema>): JsonSchema {
  const ref = typeof node?.$ref === 'string' ? node.$ref : undefined;
  return ref ? (defs[ref.split('/').pop() ?? ''] ?? {}) : (node ?? {});
}

/** The control a property's schema calls for. */
export function controlFor(
  property: JsonSchema,
  defs: Record<string, JsonSchema> = {},
): Omit<GenericField, 'key' | 'required'> {
  const p = resolve(property, defs);
  const description = typeof property.description === 'string' ? property.description : undefined;
  const base = description ? { description } : {};
  if (Array.isArray(p.enum)) return { ...base, control: 'select', options: p.enum.map(String) };
  if (p.type === 'string') return { ...base, control: 'text' };
  if (p.type === 'integer') return { ...base, control: 'integer' };
  if (p.type === 'boolean') return { ...base, control: 'checkbox' };
  if (p.type === 'array' && resolve(p.items as JsonSchema, defs).type === 'string')
    return { ...base, control: 'list' };
  return { ...base, control: 'json' };
}

/** The properties of an entry of `kind` (or of the account) that `handled` leaves out. */
export function fieldsWithoutControl(
  kind: ResourceKind | 'account',
  handled: readonly string[],
): GenericField[] {
  schema ??= buildResourcesSchema();
  const defs = (schema.$defs ?? {}) as Record<string, JsonSchema>;
  const section = (schema.properties as Record<string, JsonSchema>)[kind] ?? {};
  const entry = kind === 'account' ? section : ((section.additionalProperties ?? {}) as JsonSchema);
  const properties = (entry.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((entry.required ?? []) as string[]);
  return Object.entries(properties)
    .filter(([key]) => !handled.includes(key))
    .map(([key, property]) => ({ key, required: required.has(key), ...controlFor(property, defs) }));
}
