import { describe, expect, it } from 'vitest';
import { HANDLED_FIELDS } from './handled-fields';
import { controlFor, fieldsWithoutControl } from './schema-fields';

describe('controls made from the resources schema', () => {
  it('picks a control from each property schema', () => {
    const defs = { resourceName: { type: 'string' }, seconds: { type: 'integer' } };
    expect(controlFor({ $ref: '#/$defs/resourceName' }, defs).control).toBe('text');
    expect(controlFor({ $ref: '#/$defs/seconds' }, defs).control).toBe('integer');
    expect(controlFor({ type: 'boolean' }).control).toBe('checkbox');
    expect(controlFor({ enum: ['fixed', 'agentGroup'] })).toMatchObject({
      control: 'select',
      options: ['fixed', 'agentGroup'],
    });
    expect(controlFor({ type: 'array', items: { $ref: '#/$defs/resourceName' } }, defs).control).toBe('list');
    expect(controlFor({ type: 'object', properties: {} }).control).toBe('json');
  });

  it('lists the fields a form leaves out, with whether they are required', () => {
    const agents = fieldsWithoutControl('agents', ['displayName', 'allowedNumbers', 'defaultNumber']);
    expect(agents.map((f) => [f.key, f.control, f.required])).toEqual([
      ['groups', 'list', true],
      ['defaultOutboundQueue', 'text', false],
      ['phone', 'text', false],
    ]);
    expect(fieldsWithoutControl('account', []).map((f) => f.key)).toContain('principalNumber');
  });

  it('names in the forms’ own lists only fields the schema has', () => {
    for (const [kind, handled] of Object.entries(HANDLED_FIELDS)) {
      const all = fieldsWithoutControl(kind as keyof typeof HANDLED_FIELDS, []).map((f) => f.key);
      expect(
        handled.filter((key) => !all.includes(key)),
        kind,
      ).toEqual([]);
    }
  });
});
