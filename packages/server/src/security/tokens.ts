import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const ROLES = ['admin', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface ApiToken {
  /** Who holds it: shown in logs instead of the token. */
  name: string;
  token: string;
  role: Role;
}

export class TokenConfigError extends Error {
  override name = 'TokenConfigError';
}

const MIN_TOKEN_LENGTH = 16;

function checkToken(entry: ApiToken, where: string): ApiToken {
  if (!entry.name) throw new TokenConfigError(`${where}: a token needs a name.`);
  if (!ROLES.includes(entry.role)) {
    throw new TokenConfigError(
      `${where}: role "${entry.role}" of "${entry.name}" is not one of ${ROLES.join(', ')}.`,
    );
  }
  if (typeof entry.token !== 'string' || entry.token.length < MIN_TOKEN_LENGTH) {
    throw new TokenConfigError(
      `${where}: the token of "${entry.name}" must have at least ${MIN_TOKEN_LENGTH} characters.`,
    );
  }
  return entry;
}

/** `CALLFLOW_TOKENS=name:token:role,name2:token2:role2`. */
export function parseTokenList(value: string): ApiToken[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part, index) => {
      const [name = '', token = '', role = '', ...rest] = part.split(':');
      if (rest.length > 0)
        throw new TokenConfigError(`CALLFLOW_TOKENS entry ${index + 1}: expected name:token:role.`);
      return checkToken({ name, token, role: role as Role }, `CALLFLOW_TOKENS entry ${index + 1}`);
    });
}

/** A JSON file `{ "tokens": [{ "name": "ci", "token": "...", "role": "editor" }] }`. */
export function readTokenFile(path: string): ApiToken[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new TokenConfigError(`Cannot read the token file ${path}: ${(error as Error).message}`);
  }
  const list = (parsed as { tokens?: unknown })?.tokens;
  if (!Array.isArray(list)) throw new TokenConfigError(`${path}: expected { "tokens": [ ... ] }.`);
  return list.map((entry, index) => checkToken(entry as ApiToken, `${path} tokens[${index}]`));
}

export function generateToken(): string {
  return randomBytes(24).toString('base64url');
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * Finds the token's holder in constant time: both sides are hashed to a fixed length first, so neither
 * the comparison nor its length check leaks how much of a guess was right; every entry is compared.
 */
export function findToken(tokens: readonly ApiToken[], presented: string): ApiToken | undefined {
  const presentedDigest = digest(presented);
  let match: ApiToken | undefined;
  for (const entry of tokens) {
    if (timingSafeEqual(digest(entry.token), presentedDigest) && !match) match = entry;
  }
  return match;
}
