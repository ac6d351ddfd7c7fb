import { type Node, type ParseError, parseTree } from 'jsonc-parser';
import { MAX_FLOW_FILE_BYTES } from './flow.js';
import { type Problem, problem } from './problems.js';

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
 * Parses strict JSON (comments and trailing commas are refused: flow files are read by every JSON tool)
 * and keeps the syntax tree so that problems can point at a line and column. Never throws.
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
  const errors: ParseError[] = [];
  let tree: Node | undefined;
  try {
    tree = parseTree(body, errors, { disallowComments: true, allowTrailingComma: false });
  } catch {
    // The parser recurses once per nesting level; absurd nesting exhausts the stack.
    const message = `The file is nested too deeply to be a flow (more than ${MAX_JSON_DEPTH} levels).`;
    return { problems: [at(0, problem('CF001', message, ''))], locate: () => undefined };
  }
  const locate = (pointer: string): SourcePosition | undefined => {
    const node = tree && findNode(tree, pointer);
    if (!node) return undefined;
    const start = node.parent?.type === 'property' ? node.parent.offset : node.offset;
    return lines.position(start);
  };

  if (errors.length > 0) {
    return { problems: syntaxProblems(body, errors).map((e) => at(e.offset, e.problem)), locate };
  }
  if (!tree) return { problems: [at(0, problem('CF001', 'The file is empty.', ''))], locate };
  const converted: { offset: number; problem: Problem }[] = [];
  const value = toValue(tree, 0, '', converted);
  if (converted.length > 0) return { problems: converted.map((e) => at(e.offset, e.problem)), locate };
  if (tree.type !== 'object') {
    const message = `The top level must be a JSON object ({ ... }), not ${tree.type === 'array' ? 'an array' : `a ${tree.type}`}.`;
    return { value, problems: [at(tree.offset, problem('CF004', message, ''))], locate };
  }
  return { value, problems: [], locate };
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
      message = DESCRIBED[error.error] ?? 'Syntax error.';
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

/**
 * Builds the value from the tree with ordinary objects (a `__proto__` key stays a key) and refuses
 * duplicate keys: JSON parsers silently keep the last one, which would lose a block without a word.
 */
function toValue(
  node: Node,
  depth: number,
  path: string,
  out: { offset: number; problem: Problem }[],
): unknown {
  if (depth > MAX_JSON_DEPTH) {
    if (out.length === 0) {
      const message = `Nested more than ${MAX_JSON_DEPTH} levels deep; flows never need this.`;
      out.push({ offset: node.offset, problem: problem('CF001', message, path) });
    }
    return null;
  }
  if (node.type === 'array') {
    return (node.children ?? []).map((child, i) => toValue(child, depth + 1, `${path}/${i}`, out));
  }
  if (node.type !== 'object') return node.value;
  const obj: Record<string, unknown> = {};
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) continue;
    const key = String(keyNode.value);
    const childPath = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (Object.hasOwn(obj, key)) {
      const message = `Duplicate key "${key}": each key may appear only once in an object (the earlier value would be lost).`;
      out.push({ offset: keyNode.offset, problem: problem('CF001', message, childPath) });
    }
    Object.defineProperty(obj, key, {
      value: toValue(valueNode, depth + 1, childPath, out),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return obj;
}

/** Follows an RFC 6901 pointer through the syntax tree (the last of duplicate keys wins, as in the value). */
function findNode(root: Node, pointer: string): Node | undefined {
  if (pointer === '') return root;
  if (!pointer.startsWith('/')) return undefined;
  let node: Node | undefined = root;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!node) return undefined;
    if (node.type === 'array') {
      node = /^(0|[1-9][0-9]*)$/.test(segment) ? node.children?.[Number(segment)] : undefined;
    } else if (node.type === 'object') {
      const property: Node | undefined = node.children?.findLast((p) => p.children?.[0]?.value === segment);
      node = property?.children?.[1];
    } else {
      return undefined;
    }
  }
  return node;
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
