/**
 * The admin token (docs/security): read once from `?token=` in the address, kept in sessionStorage
 * (gone when the tab closes), removed from the address bar so it is not bookmarked or shared.
 */
export const TOKEN_KEY = 'callflow.token';

export interface TokenEnvironment {
  location: { href: string };
  history: { replaceState(data: unknown, unused: string, url?: string): void };
  storage: Pick<Storage, 'getItem' | 'setItem'>;
}

/** Where the agent desktop keeps its agent token: apart from the designer's, in the same origin. */
export const AGENT_TOKEN_KEY = 'callflow.agentToken';

export function takeToken(env: TokenEnvironment, key = TOKEN_KEY): string | null {
  const url = new URL(env.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    env.storage.setItem(key, fromUrl);
    url.searchParams.delete('token');
    env.history.replaceState(null, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  return env.storage.getItem(key);
}

let token: string | null | undefined;

/** The token of this tab (read lazily from the browser). */
export function currentToken(): string | null {
  if (token === undefined) {
    token =
      typeof window === 'undefined'
        ? null
        : takeToken({ location: window.location, history: window.history, storage: window.sessionStorage });
  }
  return token;
}

export function setToken(value: string): void {
  token = value;
  if (typeof window !== 'undefined') window.sessionStorage.setItem(TOKEN_KEY, value);
}
