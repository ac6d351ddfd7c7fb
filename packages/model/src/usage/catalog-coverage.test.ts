import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../block-definition.js';
import { BLOCKS } from '../blocks/index.js';
import { escapePointer } from '../problems.js';
import { buildResourcesSchema } from '../schema/resources-schema.js';
import { RESOURCE_FIELDS } from './resource-fields.js';

/** A settings field the schema says names something: where it is and the value that names `name`. */
interface NamingField {
  path: string[];
  /** The JSON pointer, relative to settings, of the name itself. */
  namePath: string;
  value: (name: string) => unknown;
}

const NAMING_DEFS: Record<string, { value: (name: string) => unknown; suffix: string }> = {
  '#/$defs/resourceName': { value: (name) => name, suffix: '' },
  '#/$defs/flowId': { value: (name) => name, suffix: '' },
  '#/$defs/prompt': { value: (name) => ({ prompt: name }), suffix: '/prompt' },
  '#/$defs/callerId': { value: (name) => ({ strategy: 'fixed', number: name }), suffix: '/number' },
};

/** Every field of a settings schema that names a resource or a flow, found by the `$defs` it uses. */
function namingFields(schema: unknown, path: string[] = []): NamingField[] {
  if (schema === null || typeof schema !== 'object') return [];
  const s = schema as JsonSchema;
  const naming = typeof s.$ref === 'string' ? NAMING_DEFS[s.$ref] : undefined;
  if (naming) {
    const pointer = path.map((p) => `/${escapePointer(p)}`).join('');
    return [{ path, namePath: `${pointer}${naming.suffix}`, value: naming.value }];
  }
  const out: NamingField[] = [];
  for (const [key, child] of Object.entries((s.properties ?? {}) as Record<string, unknown>))
    out.push(...namingFields(child, [...path, key]));
  if (s.items) out.push(...namingFields(s.items, [...path, '0']));
  if (s.additionalProperties && typeof s.additionalProperties === 'object')
    out.push(...namingFields(s.additionalProperties, [...path, 'some/key']));
  for (const combinator of ['allOf', 'anyOf', 'oneOf'] as const) {
    for (const child of (s[combinator] ?? []) as unknown[]) out.push(...namingFields(child, path));
  }
  return out;
}

function setAt(root: Record<string, unknown>, path: string[], value: unknown): void {
  let node: Record<string, unknown> = root;
  path.forEach((segment, index) => {
    if (index === path.length - 1) {
      node[segment] = value;
      return;
    }
    const nextIsIndex = /^[0-9]+$/.test(path[index + 1]!);
    if (node[segment] === null || typeof node[segment] !== 'object') node[segment] = nextIsIndex ? [] : {};
    node = node[segment] as Record<string, unknown>;
  });
}

describe('every setting that names a resource or a flow is a reference of its block', () => {
  const cases = BLOCKS.flatMap((definition) =>
    namingFields(definition.settingsSchema).map((field) => ({ definition, field })),
  );

  it('finds the naming settings of the catalog (the walk itself works)', () => {
    const found = cases.map(({ definition, field }) => `${definition.type}${field.namePath}`);
    // A few known ones, so that a walk finding nothing cannot pass.
    expect(found).toEqual(
      expect.arrayContaining([
        'transferToQueue/queue',
        'checkHours/hours',
        'playPrompt/prompt/prompt',
        'invokeModule/module',
        'setWhisperFlow/flow',
        'transferToNumber/callerId/number',
        'callPhoneNumber/callerId/number',
        'menu/noMatchPrompt/prompt',
      ]),
    );
    expect(found.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases.map((c) => [`${c.definition.type}${c.field.namePath}`, c] as const))('%s', (_, c) => {
    const settings = structuredClone(c.definition.defaults()) as Record<string, unknown>;
    setAt(settings, c.field.path, c.field.value('zz-named'));
    const references = c.definition.references(settings);
    expect(references).toContainEqual(expect.objectContaining({ name: 'zz-named', path: c.field.namePath }));
    expect(references.find((r) => r.path === c.field.namePath)?.kind).not.toMatch(/variable/i);
  });
});

describe('every setting of the resources file that names something is in RESOURCE_FIELDS', () => {
  it('walks the resources schema', () => {
    const schema = buildResourcesSchema();
    const naming = new Set(['#/$defs/resourceName', '#/$defs/flowId']);
    const names = (s: JsonSchema | undefined): 'one' | 'many' | undefined => {
      if (!s) return undefined;
      if (typeof s.$ref === 'string' && naming.has(s.$ref)) return 'one';
      const items = s.items as JsonSchema | undefined;
      if (s.type === 'array' && typeof items?.$ref === 'string' && naming.has(items.$ref)) return 'many';
      return undefined;
    };
    const found: string[] = [];
    const sections = schema.properties as Record<string, JsonSchema>;
    for (const [section, sectionSchema] of Object.entries(sections)) {
      // Named maps (queues, agents...) describe their entries under additionalProperties.
      const entries = sectionSchema.additionalProperties;
      const entry = (entries && typeof entries === 'object' ? entries : sectionSchema) as JsonSchema;
      for (const [field, fieldSchema] of Object.entries(
        (entry.properties ?? {}) as Record<string, JsonSchema>,
      )) {
        const shape = names(fieldSchema);
        if (shape) found.push(`${section}.${field}:${shape}`);
      }
    }
    expect(found.length).toBeGreaterThanOrEqual(14);
    const declared = RESOURCE_FIELDS.map((f) => `${f.section}.${f.field}:${f.many ? 'many' : 'one'}`);
    expect(declared.sort()).toEqual(found.sort());
  });
});
