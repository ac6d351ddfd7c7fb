import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { API_ROLES, type ApiRole } from '@callflow/model/api-contract';

/** The roles a token may have: the API contract's, which every route's roles are written in. */
export const ROLES = API_ROLES;
export type Role = ApiRole;

export interface ApiToken {
  /** Who holds it: shown in logs instead of the token. */
  name: string;
  token: string;
  role: Role;
  /**
   * Role `agent` only: the agent (a key of the resources' `agents`) the token acts as. An agent's
   * desktop token can do nothing but that agent's own work, so the binding is part of the token.
   */
  agent?: string;
}

export class TokenConfigError extends Error {
  override name = 'TokenConfigError';
}

const MIN_TOKEN_LENGTH = 16;
// The shape of a resources key; the agent itself may be added to the resources later.
const AGENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

function checkToken(entry: ApiToken, where: string): ApiToken {
  if (!entry.name) throw new TokenConfigError(`${where}: a token needs a name.`);
  if (!ROLES.includes(entry.role)) {
    throw new TokenConfigError(
      `${where}: role "${entry.role}" of "${entry.name}" is not one of ${ROLES.join(', ')}.`,
    );
  }
  if (entry.role === 'agent' && (typeof entry.agent !== 'string' || !AGENT_NAME.test(entry.agent))) {
    throw new TokenConfigError(
      `${where}: the agent token "${entry.name}" must name its agent (letters, digits, . _ -), e.g. name:token:agent:alice.ng.`,
    );
  }
  if (entry.role !== 'agent' && entry.agent !== undefined) {
    throw new TokenConfigError(
      `${where}: only a token of role agent is bound to an agent; "${entry.name}" has role ${entry.role}.`,
    );
  }
  if (typeof entry.token !== 'string' || entry.token.length < MIN_TOKEN_LENGTH) {
    throw new TokenConfigError(
      `${where}: the token of "${entry.name}" must have at least ${MIN_TOKEN_LENGTH} characters.`,
    );
  }
  return entry;
}

/**
 * `CALLFLOW_TOKENS=name:token:role,name2:token2:role2`; an agent's token names its agent in a fourth
 * field, `name:token:agent:alice.ng` (with three fields, the token's name is the agent's name).
 */
export function parseTokenList(value: string): ApiToken[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part, index) => {
      const where = `CALLFLOW_TOKENS entry ${index + 1}`;
      const [name = '', token = '', role = '', agent, ...rest] = part.split(':');
      if (rest.length > 0 || (agent !== undefined && role !== 'agent'))
        throw new TokenConfigError(`${where}: expected name:token:role (or name:token:agent:agentName).`);
      const entry: ApiToken = { name, token, role: role as Role };
      if (role === 'agent') entry.agent = agent ?? name;
      return checkToken(entry, where);
    });
}

/**
 * A JSON file `{ "tokens": [{ "name": "ci", "token": "...", "role": "editor" }] }`; an agent's entry
 * has `"role": "agent", "agent": "alice.ng"` (without `agent`, its `name` is the agent's name).
 */
export function readTokenFile(path: string): ApiToken[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new TokenConfigError(`Cannot read the token file ${path}: ${(error as Error).message}`);
  }
  const list = (parsed as { tokens?: unknown })?.tokens;
  if (!Array.isArray(list)) throw new TokenConfigError(`${path}: expected { "tokens": [ ... ] }.`);
  return list.map((entry, index) => {
    const token = { ...(entry as ApiToken) };
    if (token.role === 'agent' && token.agent === undefined) token.agent = token.name;
    return checkToken(token, `${path} tokens[${index}]`);
  });
}

export function generateToken(): string {
  return randomBytes(24).toString('base64url');
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** Each configured token's digest, made once (a request hashes only what it presents). */
const digests = new WeakMap<ApiToken, { token: string; digest: Buffer }>();
function digestOf(entry: ApiToken): Buffer {
  const known = digests.get(entry);
  if (known?.token === entry.token) return known.digest;
  const made = { token: entry.token, digest: digest(entry.token) };
  digests.set(entry, made);
  return made.digest;
}

/**
 * Finds the token's holder in constant time: both sides are hashed to a fixed length first, so neither
 * the comparison nor its length check leaks how much of a guess was right; every entry is compared.
 */
export function findToken(tokens: readonly ApiToken[], presented: string): ApiToken | undefined {
  const presentedDigest = digest(presented);
  let match: ApiToken | undefined;
  for (const entry of tokens) {
    if (timingSafeEqual(digestOf(entry), presentedDigest) && !match) match = entry;
  }
  return match;
}
