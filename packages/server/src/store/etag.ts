import { createHash } from 'node:crypto';

/** The ETag of a document is a hash of its exact bytes: equal content, equal tag, on any machine. */
export function etagOf(content: string): string {
  return `"${createHash('sha256').update(content).digest('base64url').slice(0, 27)}"`;
}

/** Accepts `"abc"`, `W/"abc"` and a bare `abc` (clients that copied the body's etag without quotes). */
export function normaliseEtag(value: string): string {
  const trimmed = value.trim().replace(/^W\//, '');
  return trimmed.startsWith('"') ? trimmed : `"${trimmed}"`;
}

/** `If-Match` may list several tags; `*` matches any existing document. */
export function ifMatchSatisfied(header: string, current: string): boolean {
  return header
    .split(',')
    .map((part) => part.trim())
    .some((part) => part === '*' || normaliseEtag(part) === current);
}
