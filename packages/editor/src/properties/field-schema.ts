/**
 * Reads what a form field needs from a block's settings schema: whether it is required, its enum,
 * its bounds and default. `$ref`s into the flow schema's `$defs` are followed.
 */
import { type BlockDefinition, flowSchemaDefs, type JsonSchema } from '@callflow/model';

export interface FieldInfo {
  schema: JsonSchema;
  required: boolean;
  enum?: readonly unknown[];
  minimum?: number;
  maximum?: number;
  default?: unknown;
}

export function resolveSchema(schema: JsonSchema | undefined): JsonSchema {
  let current = schema ?? {};
  for (let depth = 0; depth < 10; depth++) {
    const ref = current.$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#/$defs/')) break;
    const target = flowSchemaDefs[ref.slice('#/$defs/'.length)];
    if (!target) break;
    const { $ref: _ref, ...rest } = current;
    current = { ...target, ...rest };
  }
  if (Array.isArray(current.allOf)) {
    // `allOf: [ref, { narrowing }]` (e.g. a caller ID limited to some strategies): merge shallowly.
    let merged: JsonSchema = {};
    for (const part of current.allOf as JsonSchema[]) {
      const resolved = resolveSchema(part);
      merged = {
        ...merged,
        ...resolved,
        properties: {
          ...(merged.properties as object),
          ...mergeProperties(merged.properties, resolved.properties),
        },
      };
    }
    const { allOf: _allOf, ...rest } = current;
    current = { ...merged, ...rest };
  }
  return current;
}

function mergeProperties(a: unknown, b: unknown): Record<string, JsonSchema> {
  const left = (a ?? {}) as Record<string, JsonSchema>;
  const right = (b ?? {}) as Record<string, JsonSchema>;
  const out: Record<string, JsonSchema> = { ...left };
  for (const [key, value] of Object.entries(right)) out[key] = { ...resolveSchema(left[key]), ...value };
  return out;
}

export function fieldInfo(definition: BlockDefinition, key: string): FieldInfo {
  const properties = (definition.settingsSchema.properties ?? {}) as Record<string, JsonSchema>;
  const required = Array.isArray(definition.settingsSchema.required)
    ? (definition.settingsSchema.required as string[]).includes(key)
    : false;
  const schema = resolveSchema(properties[key]);
  const info: FieldInfo = { schema, required };
  if (Array.isArray(schema.enum)) info.enum = schema.enum;
  if (typeof schema.minimum === 'number') info.minimum = schema.minimum;
  if (typeof schema.maximum === 'number') info.maximum = schema.maximum;
  if (schema.default !== undefined) info.default = schema.default;
  return info;
}

/** The sub-schema of a property of an object schema (resolved). */
export function propertySchema(schema: JsonSchema, key: string): JsonSchema {
  return resolveSchema(((schema.properties ?? {}) as Record<string, JsonSchema>)[key]);
}

/** Settings with `key` set, or removed when `value` is undefined (key order kept). */
export function withSetting(
  settings: Record<string, unknown>,
  key: string,
  value: unknown,
): Record<string, unknown> {
  if (value === undefined) {
    if (!(key in settings)) return settings;
    const { [key]: _removed, ...rest } = settings;
    return rest;
  }
  return { ...settings, [key]: value };
}
