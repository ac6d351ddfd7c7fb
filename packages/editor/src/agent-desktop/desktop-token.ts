/**
 * The agent's token on the desktop: read once from `?token=` (then removed from the address bar), kept
 * in this tab's sessionStorage under a key of its own, so a designer open in the same browser keeps its
 * admin token and the desktop its agent token.
 */
import { AGENT_TOKEN_KEY, takeToken } from '../api/token';

let token: string | null | undefined;

export function desktopToken(): string | null {
  if (token === undefined) {
    token =
      typeof window === 'undefined'
        ? null
        : takeToken(
            { location: window.location, history: window.history, storage: window.sessionStorage },
            AGENT_TOKEN_KEY,
          );
  }
  return token;
}

export function setDesktopToken(value: string | null): void {
  token = value;
  if (typeof window === 'undefined') return;
  if (value === null) window.sessionStorage.removeItem(AGENT_TOKEN_KEY);
  else window.sessionStorage.setItem(AGENT_TOKEN_KEY, value);
}
