import { type ParseError, parseTree } from 'jsonc-parser';
import { MAX_FLOW_FILE_BYTES } from './flow.js';
import { escapePointer, type Problem, problem } from './problems.js';

/** Flow files never need this much nesting; the cap keeps every later recursive walk safe. */
export const MAX_JSON_DEPTH = 100;

export interface SourcePosition {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units (what editors count). */
  column: number;
}

export interface JsonDocument {
  /** The parsed value; absent when the text is not strict JSON or too large. */
  value?: unknown;
  problems: Problem[];
  /** Where a JSON pointer's value starts (its key, for an object member); undefined when absent. */
  locate(pointer: string): SourcePosition | undefined;
}

export interface ParseOptions {
  file?: string;
  /** Size cap in UTF-8 bytes, checked before parsing (default MAX_FLOW_FILE_BYTES). */
  maxBytes?: number;
}

/**
 * Parses strict JSON (comments, trailing commas and repeated keys are refused: flow files are read by
 * every JSON tool) and can locate any pointer at a line and column. Never throws.
 */
export function parseJsonDocument(text: string, options: ParseOptions = {}): JsonDocument {
  const source = typeof text === 'string' ? text : '';
  const lines = new LineIndex(source);
  const at = (offset: number, p: Problem): Problem => {
    const pos = lines.position(offset);
    if (options.file !== undefined) p.file = options.file;
    p.line = pos.line;
    p.column = pos.column;
    return p;
  };
  const maxBytes = options.maxBytes ?? MAX_FLOW_FILE_BYTES;
  const bytes = utf8Length(source, maxBytes);
  if (bytes > maxBytes) {
    const size = bytes === Number.POSITIVE_INFINITY ? `more than ${maxBytes}` : String(bytes);
    const message = `The file is too large: ${size} bytes, the limit is ${maxBytes} bytes. Split the flow into modules.`;
    return { problems: [at(0, problem('CF002', message, ''))], locate: () => undefined };
  }

  // A byte-order mark is invisible in editors: read past it without shifting any offset.
  const body = source.charCodeAt(0) === 0xfeff ? ` ${source.slice(1)}` : source;
  // Positions are only needed to locate problems, and most documents have none: found on demand.
  let positions: Map<string, number> | undefined;
  const locate = (pointer: string): SourcePosition | undefined => {
    if (!positions) {
      positions = new Map();
      scanStructure(body, positions);
    }
    const offset = positions.get(pointer);
    return offset === undefined ? undefined : lines.position(offset);
  };

  // The platform's JSON.parse is strict and fast (and keeps "__proto__" as an ordinary key).
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    // Only now is a parser that reports where and why worth its cost.
    const errors: ParseError[] = [];
    try {
      parseTree(body, errors, { disallowComments: true, allowTrailingComma: false });
    } catch {
      // It recurses once per nesting level: absurd nesting exhausts the stack.
      const message = `The file is nested too deeply to be a flow (more than ${MAX_JSON_DEPTH} levels).`;
      return { problems: [at(0, problem('CF001', message, ''))], locate: () => undefined };
    }
    if (errors.length === 0) {
      // That parser takes any Unicode space between tokens; JSON allows only space, tab and line breaks.
      const offset = Math.max(firstOddSpace(body), 0);
      return { problems: [at(offset, problem('CF001', ODD_SPACE, ''))], locate: () => undefined };
    }
    return {
      problems: syntaxProblems(body, errors).map((e) => at(e.offset, e.problem)),
      locate: () => undefined,
    };
  }
  const structure = scanStructure(body);
  if (structure) return { problems: [at(structure.offset, structure.problem)], locate };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const kind = Array.isArray(value) ? 'an array' : value === null ? 'a null' : `a ${typeof value}`;
    const message = `The top level must be a JSON object ({ ... }), not ${kind}.`;
    const offset = body.length - body.trimStart().length;
    return { value, problems: [at(offset, problem('CF004', message, ''))], locate };
  }
  return { value, problems: [], locate };
}

const ODD_SPACE = 'Invalid character: only spaces, tabs and line breaks may separate JSON values.';

/** Offset of the first whitespace JSON does not allow (outside strings), or -1. */
function firstOddSpace(text: string): number {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (/[^\S \t\n\r]/.test(c)) return i;
  }
  return -1;
}

/** UTF-8 length of the text, or Infinity as soon as it is certainly above `limit` (no 50 MB walk). */
function utf8Length(text: string, limit: number): number {
  if (text.length > limit) return Number.POSITIVE_INFINITY;
  if (text.length * 3 <= limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** jsonc-parser's ParseErrorCode values (a const enum, which isolated modules cannot read). */
const ParseErrorCode = {
  InvalidSymbol: 1,
  InvalidNumberFormat: 2,
  PropertyNameExpected: 3,
  ValueExpected: 4,
  ColonExpected: 5,
  CommaExpected: 6,
  CloseBraceExpected: 7,
  CloseBracketExpected: 8,
  EndOfFileExpected: 9,
  InvalidCommentToken: 10,
  UnexpectedEndOfComment: 11,
  UnexpectedEndOfString: 12,
  UnexpectedEndOfNumber: 13,
  InvalidUnicode: 14,
  InvalidEscapeCharacter: 15,
  InvalidCharacter: 16,
} as const;

const EXPECTED: Partial<Record<number, string>> = {
  [ParseErrorCode.CloseBraceExpected]: 'a "}" to close an object',
  [ParseErrorCode.CloseBracketExpected]: 'a "]" to close a list',
  [ParseErrorCode.ValueExpected]: 'a value',
  [ParseErrorCode.PropertyNameExpected]: 'a property name in double quotes',
  [ParseErrorCode.ColonExpected]: 'a ":" after the property name',
  [ParseErrorCode.CommaExpected]: 'a "," between entries',
  [ParseErrorCode.UnexpectedEndOfString]: 'the closing quote of a string',
};

const DESCRIBED: Partial<Record<number, string>> = {
  [ParseErrorCode.InvalidSymbol]: 'Unexpected character: JSON strings and names need double quotes.',
  [ParseErrorCode.InvalidNumberFormat]: 'Invalid number.',
  [ParseErrorCode.EndOfFileExpected]: 'Unexpected content after the end of the document.',
  [ParseErrorCode.InvalidCommentToken]: 'Comments are not allowed: flow files are strict JSON.',
  [ParseErrorCode.UnexpectedEndOfComment]: 'Comments are not allowed: flow files are strict JSON.',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'Invalid number.',
  [ParseErrorCode.InvalidUnicode]: 'Invalid \\u escape in a string.',
  [ParseErrorCode.InvalidEscapeCharacter]: 'Invalid escape sequence in a string.',
  [ParseErrorCode.InvalidCharacter]: 'Invalid control character in a string (use an escape such as \\n).',
};

/**
 * The first structural error is reported (later ones are usually its echo); comment and trailing-comma
 * errors do not derail the parser, so each of those is reported too.
 */
function syntaxProblems(text: string, errors: ParseError[]): { offset: number; problem: Problem }[] {
  const out: { offset: number; problem: Problem }[] = [];
  const trimmedEnd = text.trimEnd().length;
  for (const error of errors) {
    const prev = previousSignificant(text, error.offset);
    const next = text[error.offset];
    const recoverable = error.error === ParseErrorCode.InvalidCommentToken;
    let message: string;
    if (
      (error.error === ParseErrorCode.PropertyNameExpected || error.error === ParseErrorCode.ValueExpected) &&
      prev.char === ',' &&
      (next === '}' || next === ']')
    ) {
      if (!out.some((o) => o.offset === prev.offset)) {
        out.push({
          offset: prev.offset,
          problem: problem('CF001', 'Trailing comma is not allowed in JSON.', ''),
        });
      }
      continue;
    }
    if (error.offset >= trimmedEnd && error.error !== ParseErrorCode.EndOfFileExpected) {
      message =
        trimmedEnd === 0
          ? 'The file is empty.'
          : `The file ends unexpectedly (truncated?): expected ${EXPECTED[error.error] ?? 'more content'}.`;
    } else if (EXPECTED[error.error]) {
      message = `Expected ${EXPECTED[error.error]}.`;
    } else {
      message = /[^\S \t\n\r]/.test(next ?? '') ? ODD_SPACE : (DESCRIBED[error.error] ?? 'Syntax error.');
    }
    out.push({ offset: Math.min(error.offset, trimmedEnd), problem: problem('CF001', message, '') });
    if (!recoverable) break;
  }
  return out;
}

function previousSignificant(text: string, offset: number): { char: string | undefined; offset: number } {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return { char: i >= 0 ? text[i] : undefined, offset: Math.max(i, 0) };
}

interface Frame {
  /** Keys seen so far; absent for a list. */
  keys?: Set<string>;
  /** The current key (objects) or index (lists). */
  at: string | number;
  /** Pointer of this object or list. */
  pointer: string;
  /** A list waiting for its next element. */
  expectElement?: boolean;
}

/**
 * One pass over text already known to be valid JSON (so a light scan of strings and brackets is
 * enough). It refuses what JSON.parse lets through: a repeated key (parsers silently keep the last one,
 * which would lose a block without a word) and nesting deeper than MAX_JSON_DEPTH. With `positions`,
 * it records where each pointer starts (its key, for an object member).
 */
function scanStructure(
  text: string,
  positions?: Map<string, number>,
): { offset: number; problem: Problem } | undefined {
  const stack: Frame[] = [];
  const here = () => stack.map((f) => `/${escapePointer(f.at)}`).join('');
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
    const frame = stack.at(-1);
    if (!frame) positions?.set('', i);
    else if (frame.expectElement && c !== 0x5d /* ] */) {
      frame.expectElement = false;
      positions?.set(`${frame.pointer}/${frame.at}`, i);
    }
    if (c === 0x22 /* " */) {
      let end = text.indexOf('"', i + 1);
      while (isEscaped(text, end)) end = text.indexOf('"', end + 1);
      if (frame?.keys && nextSignificant(text, end + 1) === 0x3a /* : */) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        frame.at = key;
        if (frame.keys.has(key)) {
          const message = `Duplicate key "${key}": each key may appear only once in an object (the earlier value would be lost).`;
          return { offset: i, problem: problem('CF001', message, here()) };
        }
        frame.keys.add(key);
        positions?.set(`${frame.pointer}/${segment(key)}`, i);
      }
      i = end;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (stack.length >= MAX_JSON_DEPTH) {
        const message = `Nested more than ${MAX_JSON_DEPTH} levels deep; flows never need this.`;
        return { offset: i, problem: problem('CF001', message, here()) };
      }
      const pointer = frame ? `${frame.pointer}/${segment(frame.at)}` : '';
      stack.push(c === 0x7b ? { keys: new Set(), at: '', pointer } : { at: 0, pointer, expectElement: true });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
    } else if (c === 0x2c /* , */ && frame && !frame.keys) {
      frame.at = (frame.at as number) + 1;
      frame.expectElement = true;
    }
  }
  return undefined;
}

/** escapePointer, skipping the regular expressions for the usual key that needs no escaping. */
function segment(key: string | number): string {
  return typeof key === 'number' || (!key.includes('~') && !key.includes('/'))
    ? String(key)
    : escapePointer(key);
}

function isEscaped(text: string, quote: number): boolean {
  let backslashes = 0;
  for (let j = quote - 1; j >= 0 && text.charCodeAt(j) === 0x5c; j--) backslashes++;
  return backslashes % 2 === 1;
}

function nextSignificant(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return c;
  }
  return -1;
}

class LineIndex {
  private starts: number[] | undefined;
  constructor(private readonly text: string) {}

  position(offset: number): SourcePosition {
    if (!this.starts) {
      this.starts = [0];
      const text = this.text;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) this.starts.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          this.starts.push(i + 1);
        }
      }
    }
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    // A byte-order mark is invisible in editors: columns of the first line do not count it.
    const bom = lo === 0 && offset > 0 && this.text.charCodeAt(0) === 0xfeff ? 1 : 0;
    return { line: lo + 1, column: offset - starts[lo]! + 1 - bom };
  }
}
