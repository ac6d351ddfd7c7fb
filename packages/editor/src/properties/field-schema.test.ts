import { blockDefinition } from '@callflow/model';
import { describe, expect, it } from 'vitest';
import { fieldInfo, propertySchema, withSetting } from './field-schema';

describe('form fields from the catalog schema', () => {
  it('reads bounds, requiredness and enums', () => {
    const menu = blockDefinition('menu')!;
    expect(fieldInfo(menu, 'timeoutSeconds')).toMatchObject({ required: true, minimum: 1, maximum: 60 });
    expect(fieldInfo(menu, 'noMatchPrompt').required).toBe(false);
    expect(fieldInfo(blockDefinition('getDigits')!, 'terminator').enum).toEqual(['#', '*']);
  });

  it('follows $refs and narrowing allOf (caller ID of Call phone number: fixed or variable only)', () => {
    const info = fieldInfo(blockDefinition('callPhoneNumber')!, 'callerId');
    expect(propertySchema(info.schema, 'strategy').enum).toEqual(['fixed', 'variable']);
    const open = fieldInfo(blockDefinition('transferToNumber')!, 'callerId');
    expect(propertySchema(open.schema, 'strategy').enum).toContain('sameAreaCode');
  });

  it('sets or removes a setting, keeping the others', () => {
    expect(withSetting({ a: 1, b: 2 }, 'b', undefined)).toEqual({ a: 1 });
    expect(withSetting({ a: 1 }, 'b', 3)).toEqual({ a: 1, b: 3 });
  });
});
