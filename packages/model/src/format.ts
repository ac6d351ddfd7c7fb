import type { JsonSchema } from './block-definition.js';
import { blockDefinition } from './blocks/index.js';
import type { Flow } from './flow.js';
import type { Resources } from './resources.js';
import { buildFlowSchema, buildFlowTestSchema, buildResourcesSchema } from './schema/index.js';

/**
 * Canonical text of flows, resources and flow tests: 2-space indent, trailing newline, a fixed key order,
 * so that saving an unchanged document is a zero diff whoever (or whatever editor) wrote it.
 * The order rules are documented in docs/format.md ("Canonical formatting").
 */

/** An object whose key order has been decided. */
class Ordered {
  constructor(readonly entries: readonly (readonly [string, unknown])[]) {}
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Code-point order: the same on every machine, whatever its locale. */
function byKey(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Keys in the given order first, then every other key alphabetically. */
function orderKeys(obj: Record<string, unknown>, first: readonly string[]): string[] {
  let rank = ranks.get(first);
  if (!rank) {
    rank = new Set(first);
    ranks.set(first, rank);
  }
  const keys: string[] = [];
  for (const k of rank) if (Object.hasOwn(obj, k)) keys.push(k); // the set: a list may repeat a key
  const rest: string[] = [];
  for (const k of Object.keys(obj)) if (!rank.has(k)) rest.push(k);
  if (rest.length > 1) rest.sort(byKey);
  return rest.length === 0 ? keys : keys.concat(rest);
}
/** Membership tables of the fixed key lists, built once each. */
const ranks = new WeakMap<readonly string[], Set<string>>();

function ordered(keys: readonly string[], child: (key: string) => unknown): Ordered {
  return new Ordered(keys.map((k) => [k, child(k)] as const));
}

function sortedMap(obj: unknown, entry: (value: unknown, key: string) => unknown): unknown {
  if (!isRecord(obj)) return obj;
  return ordered(Object.keys(obj).sort(byKey), (k) => entry(obj[k], k));
}

interface SchemaContext {
  defs: Record<string, JsonSchema>;
}

function resolve(schema: unknown, context: SchemaContext): JsonSchema | undefined {
  let current = schema;
  for (let hops = 0; isRecord(current) && typeof current.$ref === 'string' && hops < 10; hops++) {
    const m = current.$ref.match(/^#\/\$defs\/(.+)$/);
    current = m ? context.defs[m[1]!] : undefined;
  }
  return isRecord(current) ? current : undefined;
}

/** Own `properties`, merged with those of `allOf` members (first mention decides the position). */
function propertiesOf(schema: JsonSchema, context: SchemaContext): readonly string[] | undefined {
  if (mergedKeys.has(schema)) return mergedKeys.get(schema);
  const members = Array.isArray(schema.allOf) ? schema.allOf.map((m) => resolve(m, context)) : [];
  let merged: Record<string, unknown> | undefined;
  for (const source of [...members, schema]) {
    if (!source || !isRecord(source.properties)) continue;
    merged ??= {};
    for (const [k, v] of Object.entries(source.properties)) if (!Object.hasOwn(merged, k)) merged[k] = v;
  }
  const keys = merged && Object.keys(merged);
  mergedKeys.set(schema, keys);
  if (merged) mergedProperties.set(schema, merged);
  return keys;
}
const mergedKeys = new WeakMap<JsonSchema, readonly string[] | undefined>();
const mergedProperties = new WeakMap<JsonSchema, Record<string, unknown>>();

/**
 * Orders a value by its schema: an object with `properties` in their order (others alphabetically
 * after them), a map (`additionalProperties` schema without `properties`) by key, list items by
 * `items`. Values the schema leaves free (literals, `{}`) are kept exactly as given.
 */
function bySchema(value: unknown, schema: unknown, context: SchemaContext): unknown {
  const s = resolve(schema, context);
  if (!s) return value;
  if (Array.isArray(value)) {
    return s.items === undefined ? value : value.map((item) => bySchema(item, s.items, context));
  }
  if (!isRecord(value)) return value;
  const keys = propertiesOf(s, context);
  const additional = isRecord(s.additionalProperties) ? s.additionalProperties : undefined;
  if (keys) {
    const properties = mergedProperties.get(s)!;
    return ordered(orderKeys(value, keys), (k) =>
      bySchema(value[k], (Object.hasOwn(properties, k) ? properties[k] : undefined) ?? additional, context),
    );
  }
  if (additional || s.propertyNames !== undefined)
    return sortedMap(value, (v) => bySchema(v, additional, context));
  return value;
}

/**
 * Serialises like JSON.stringify(value, null, 2), honouring decided key orders. Plain concatenation:
 * the engine keeps the pieces as a rope and flattens once, cheaper than collecting and joining them.
 */
function write(value: unknown, indent: string): string {
  if (value instanceof Ordered || isRecord(value)) {
    const entries = value instanceof Ordered ? value.entries : Object.entries(value);
    const inner = `${indent}  `;
    let out = '';
    for (const [k, v] of entries) {
      if (v === undefined) continue;
      out += `${out === '' ? '{\n' : ',\n'}${inner}${quote(k)}: ${write(v, inner)}`;
    }
    return out === '' ? '{}' : `${out}\n${indent}}`;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const inner = `${indent}  `;
    let out = '';
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      out += `${i === 0 ? '[\n' : ',\n'}${inner}${v === undefined ? 'null' : write(v, inner)}`;
    }
    return `${out}\n${indent}]`;
  }
  return typeof value === 'string' ? quote(value) : (JSON.stringify(value) ?? 'null');
}

/** Characters JSON.stringify escapes (control characters, quote, backslash, lone surrogates). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point: JSON escapes them
const NEEDS_ESCAPE = /[\u0000-\u001f"\\\ud800-\udfff]/;

/** JSON.stringify of a string, without its cost for the usual string that needs no escaping. */
function quote(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

function text(value: unknown): string {
  return `${write(value, '')}\n`;
}

/** Top-level keys of a flow in canonical order (also the order schema problems are listed in). */
export const FLOW_KEYS = [
  '$schema',
  'formatVersion',
  'id',
  'name',
  'type',
  'description',
  'start',
  'variables',
  'popover',
  'module',
  'blocks',
  'layout',
  'notes',
] as const;
const VARIABLE_KEYS = [
  'type',
  'label',
  'description',
  'default',
  'agentViewable',
  'agentEditable',
  'secure',
  'reportable',
];
const BLOCK_KEYS = ['type', 'label', 'settings', 'next'];
const FREE_OBJECT: JsonSchema = { type: 'object', properties: {} };

let flowContext: { schema: JsonSchema; context: SchemaContext } | undefined;
function flowSchema(): { schema: JsonSchema; context: SchemaContext } {
  if (!flowContext) {
    const schema = buildFlowSchema();
    flowContext = { schema, context: { defs: (schema.$defs ?? {}) as Record<string, JsonSchema> } };
  }
  return flowContext;
}

function formatBlock(block: unknown): unknown {
  if (!isRecord(block)) return block;
  const definition = typeof block.type === 'string' ? blockDefinition(block.type) : undefined;
  const { context } = flowSchema();
  return ordered(orderKeys(block, BLOCK_KEYS), (k) => {
    const value = block[k];
    if (k === 'settings') return bySchema(value, definition?.settingsSchema ?? FREE_OBJECT, context);
    if (k === 'next' && isRecord(value)) {
      let outcomes: string[] = [];
      try {
        outcomes = definition
          ? definition.outcomes(isRecord(block.settings) ? block.settings : {}).map((o) => o.name)
          : [];
      } catch {
        // Settings may be malformed: the remaining outcomes are then simply alphabetical.
      }
      return ordered(orderKeys(value, outcomes), (o) => value[o]);
    }
    return value;
  });
}

const POSITION_KEYS = ['x', 'y'];
const NOTE_KEYS = ['text', 'color', 'block', 'x', 'y'];

/** Canvas coordinates in whole pixels: sub-pixel drags would otherwise show up in every diff. */
function roundedPosition(position: unknown, keys: readonly string[] = POSITION_KEYS): unknown {
  if (!isRecord(position)) return position;
  return ordered(orderKeys(position, keys), (k) => {
    const v = position[k];
    return (k === 'x' || k === 'y') && typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : v;
  });
}

/** The canonical text of a flow (see docs/format.md). Accepts any JSON value; never throws. */
export function formatFlow(flow: Flow): string {
  const doc: unknown = flow;
  if (!isRecord(doc)) return text(doc);
  const { schema, context } = flowSchema();
  const properties = schema.properties as Record<string, JsonSchema>;
  return text(
    ordered(orderKeys(doc, FLOW_KEYS), (k) => {
      const value = doc[k];
      switch (k) {
        case 'variables':
          return sortedMap(value, (d) =>
            isRecord(d) ? ordered(orderKeys(d, VARIABLE_KEYS), (f) => d[f]) : d,
          );
        case 'blocks':
          return sortedMap(value, formatBlock);
        case 'layout':
          return sortedMap(value, (p) => roundedPosition(p));
        case 'notes':
          return sortedMap(value, (note) => roundedPosition(note, NOTE_KEYS));
        default:
          return bySchema(value, properties[k], context);
      }
    }),
  );
}

function schemaFormatter(build: () => JsonSchema): (doc: unknown) => string {
  let cached: { schema: JsonSchema; context: SchemaContext } | undefined;
  return (doc) => {
    if (!cached) {
      const schema = build();
      cached = { schema, context: { defs: (schema.$defs ?? {}) as Record<string, JsonSchema> } };
    }
    return text(bySchema(doc, cached.schema, cached.context));
  };
}

const resourcesText = schemaFormatter(buildResourcesSchema);
const flowTestText = schemaFormatter(buildFlowTestSchema);

/** The canonical text of a resources file: schema order, named maps sorted by name. */
export function formatResources(resources: Resources): string {
  return resourcesText(resources);
}

/** The canonical text of a flow test file: schema order; scenarios, steps and expectations keep their order. */
export function formatFlowTest(test: unknown): string {
  return flowTestText(test);
}
