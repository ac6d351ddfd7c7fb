import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SealedValueError, SecretBox } from './secret-box.js';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('seals text so that none of it shows, with a fresh nonce each time, and opens it again', () => {
    const text = JSON.stringify({ pin: '90417253', note: 'é日😀"\\' });
    const sealed = box.seal(text);
    expect(sealed).not.toContain('90417253');
    expect(box.seal(text)).not.toBe(sealed);
    expect(box.open(sealed)).toBe(text);
  });

  it('refuses a value sealed with another key, or changed, instead of opening garbage', () => {
    const sealed = box.seal('{"pin":"1234"}');
    expect(() => new SecretBox(randomBytes(32)).open(sealed)).toThrow(SealedValueError);
    const body = Buffer.from(sealed.split('.')[2] ?? '', 'base64');
    body[body.length - 1] = (body[body.length - 1] ?? 0) ^ 1;
    const tampered = `${sealed.split('.').slice(0, 2).join('.')}.${body.toString('base64')}`;
    expect(() => box.open(tampered)).toThrow(/damaged/);
  });

  it('reads a row stored before encryption (plain JSON) as it is', () => {
    expect(box.open('{"format":1}')).toBe('{"format":1}');
  });
});
