import { type JsonDocument, type ParseOptions, parseJsonDocument } from './json-document.js';
import { type Problem, problem } from './problems.js';

// The model compiles without DOM or Node types; TextDecoder is in browsers and Node alike.
declare const TextDecoder: new (
  label: string,
  options: { fatal: boolean },
) => { decode(bytes: Uint8Array): string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

export const NOT_UTF8_MESSAGE =
  'The file is not UTF-8 text (is it a binary file?). Flow files are UTF-8 JSON.';

/** The text of a document's bytes, or CF001 when they are not UTF-8 (never replaced silently). */
export function decodeDocumentBytes(
  bytes: Uint8Array,
  file?: string,
): { ok: true; text: string } | { ok: false; problem: Problem } {
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    const p = problem('CF001', NOT_UTF8_MESSAGE, '');
    if (file !== undefined) p.file = file;
    return { ok: false, problem: p };
  }
}

/**
 * Reads a flow, resources or test document from its bytes the way `callflow validate` reads a file:
 * UTF-8 only (CF001), the size cap (CF002), strict JSON with no repeated keys and at most
 * MAX_JSON_DEPTH levels (CF001), an object at the top (CF004). The service reads request bodies with it,
 * so both refuse the same documents with the same codes.
 */
export function parseDocumentBytes(bytes: Uint8Array, options: ParseOptions = {}): JsonDocument {
  const decoded = decodeDocumentBytes(bytes, options.file);
  if (!decoded.ok) {
    decoded.problem.line = 1;
    decoded.problem.column = 1;
    return { problems: [decoded.problem], locate: () => undefined };
  }
  return parseJsonDocument(decoded.text, options);
}
