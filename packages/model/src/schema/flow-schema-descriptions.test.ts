import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../block-definition.js';
import { buildFlowSchema } from './flow-schema.js';

/**
 * JSON pointers of every property a flow file can hold that has no description. `if` clauses are
 * skipped: they only match values (a block's `type`, a setting's value), they are not keys anyone writes.
 */
function undescribed(node: unknown, pointer: string, out: string[]): string[] {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) undescribed(item, `${pointer}/${i}`, out);
    return out;
  }
  if (node === null || typeof node !== 'object') return out;
  for (const [key, value] of Object.entries(node as JsonSchema)) {
    if (key === 'if') continue;
    if (key === 'properties' && value !== null && typeof value === 'object') {
      for (const [name, property] of Object.entries(value as JsonSchema)) {
        const description = (property as JsonSchema).description;
        if (typeof description !== 'string' || description.trim() === '') {
          out.push(`${pointer}/properties/${name}`);
        }
      }
    }
    undescribed(value, `${pointer}/${key}`, out);
  }
  return out;
}

describe('flow schema descriptions', () => {
  it('describes every property, so hovering any key in the JSON view explains it', () => {
    expect(undescribed(buildFlowSchema(), '#', [])).toEqual([]);
  });

  it('finds a property without a description, nested in a block setting', () => {
    const schema = buildFlowSchema() as { $defs: Record<string, JsonSchema> };
    type Menu = { properties: { options: { items: { properties: { digit: JsonSchema } } } } };
    const menu = structuredClone(schema.$defs['settings.menu']) as Menu;
    delete menu.properties.options.items.properties.digit.description;
    expect(undescribed(menu, '#', [])).toEqual(['#/properties/options/items/properties/digit']);
  });
});
