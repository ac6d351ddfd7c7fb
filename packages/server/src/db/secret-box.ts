import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Marks a sealed column value: version 1, then the key's id, then base64 of nonce, tag and ciphertext. */
const PREFIX = 'cf1.';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** A stored value that cannot be opened: sealed with another key, or damaged. */
export class SealedValueError extends Error {
  override name = 'SealedValueError';
}

/**
 * Encrypts what the store keeps of running contacts (snapshots, the commands they wait for, callback
 * requests): they hold secure values (a PIN, an API token in a request) in the clear, and the database
 * file, its WAL and its backups must not. AES-256-GCM with a fresh 96-bit nonce per value; the key
 * lives apart from the database (see `loadSecretKey`). Each sealed value names its key (the first bytes
 * of its SHA-256), so a value sealed with another key is refused with a clear error, never decrypted
 * into garbage.
 */
export class SecretBox {
  readonly #key: Buffer;
  readonly keyId: string;
  /** Random bytes drawn ahead, a nonce taken from them per value: one call for the RNG per 256 values. */
  #nonces = Buffer.alloc(0);
  #nonceAt = 0;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('The secret key must be 32 bytes (AES-256).');
    this.#key = key;
    this.keyId = createHash('sha256').update(key).digest('hex').slice(0, 8);
  }

  seal(text: string): string {
    const nonce = this.#nonce();
    const cipher = createCipheriv('aes-256-gcm', this.#key, nonce);
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    const sealed = Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64');
    return `${PREFIX}${this.keyId}.${sealed}`;
  }

  /** A fresh random nonce (the pool is never reused: each nonce is its own 12 bytes of it). */
  #nonce(): Buffer {
    if (this.#nonceAt + NONCE_BYTES > this.#nonces.length) {
      this.#nonces = randomBytes(NONCE_BYTES * 256);
      this.#nonceAt = 0;
    }
    const nonce = this.#nonces.subarray(this.#nonceAt, this.#nonceAt + NONCE_BYTES);
    this.#nonceAt += NONCE_BYTES;
    return nonce;
  }

  isSealed(stored: string): boolean {
    return stored.startsWith(PREFIX);
  }

  /** The text `seal` was given. A value stored before encryption existed (plain JSON) is returned as is. */
  open(stored: string): string {
    if (!this.isSealed(stored)) return stored;
    const [keyId, sealed] = stored.slice(PREFIX.length).split('.');
    if (keyId !== this.keyId) {
      throw new SealedValueError(
        `sealed with another secret key (${keyId}, the service has ${this.keyId}): see "Secure values at rest" in docs/security.md`,
      );
    }
    const raw = Buffer.from(sealed ?? '', 'base64');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, raw.subarray(0, NONCE_BYTES));
      decipher.setAuthTag(raw.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
      return Buffer.concat([
        decipher.update(raw.subarray(NONCE_BYTES + TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new SealedValueError('a sealed value is damaged (its authentication tag does not match)');
    }
  }
}

/** Reads a key given as 64 hex digits or as base64 of 32 bytes. */
export function parseSecretKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) {
    throw new Error(`${source} is not a 256-bit key: give 64 hex digits (openssl rand -hex 32).`);
  }
  return key;
}

/**
 * The key that seals secure values at rest: `CALLFLOW_SECRET_KEY` when set, else the key file, made on
 * first start (32 random bytes, hex) in its own directory (mode 0700, file 0600) beside — never inside —
 * the data directory, so that a copy of the database is not a copy of the key. `warn` is told when the
 * file is readable by others.
 */
export function loadSecretKey(
  options: { key?: string; file: string },
  warn: (message: string) => void = () => undefined,
): { key: Buffer; created: boolean } {
  if (options.key) return { key: parseSecretKey(options.key, 'CALLFLOW_SECRET_KEY'), created: false };
  const file = options.file;
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    try {
      writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
      chmodSync(file, 0o600);
      return { key: parseSecretKey(readFileSync(file, 'utf8'), file), created: true };
    } catch (error) {
      // Another process made it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) {
    warn(`${file} is readable by other users: chmod 600 it`);
  }
  return { key: parseSecretKey(readFileSync(file, 'utf8'), file), created: false };
}
