import { describe, expect, it } from 'vitest';
import { TOKEN_KEY, takeToken } from './token';

function environment(href: string, stored: string | null = null) {
  const storage = new Map<string, string>(stored ? [[TOKEN_KEY, stored]] : []);
  const replaced: string[] = [];
  return {
    replaced,
    storage,
    env: {
      location: { href },
      history: { replaceState: (_d: unknown, _u: string, url?: string) => replaced.push(url ?? '') },
      storage: {
        getItem: (k: string) => storage.get(k) ?? null,
        setItem: (k: string, v: string) => void storage.set(k, v),
      },
    },
  };
}

describe('token', () => {
  it('takes ?token= once, keeps it for the tab and removes it from the address bar', () => {
    const { env, replaced, storage } = environment('http://127.0.0.1:4310/?token=abc&x=1#top');
    expect(takeToken(env)).toBe('abc');
    expect(storage.get(TOKEN_KEY)).toBe('abc');
    expect(replaced).toEqual(['/?x=1#top']);
  });

  it('falls back to the token kept in session storage', () => {
    const { env, replaced } = environment('http://127.0.0.1:4310/', 'kept');
    expect(takeToken(env)).toBe('kept');
    expect(replaced).toEqual([]);
  });
});
