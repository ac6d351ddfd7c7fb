/** Wording shared by the schema problems: where a pointer is, in admin words, and what value was found. */
import { ID_PATTERN, NAME_PATTERN } from './flow.js';
import { DIGIT_PATTERN, RESOURCE_NAME_PATTERN, VARIABLE_REF_PATTERN } from './schema/defs.js';
import { PROMPT_AUDIO_FILE_PATTERN } from './schema/resources-schema.js';

export type SchemaDocumentKind = 'flow' | 'resources' | 'flowTest';

function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function segmentsOf(path: string): string[] {
  return path === '' ? [] : path.slice(1).split('/').map(unescapeSegment);
}

export function valueAt(doc: unknown, path: string): unknown {
  let node = doc;
  for (const segment of segmentsOf(path)) {
    if (Array.isArray(node)) node = /^\d+$/.test(segment) ? node[Number(segment)] : undefined;
    else if (node !== null && typeof node === 'object' && Object.hasOwn(node, segment)) {
      node = (node as Record<string, unknown>)[segment];
    } else return undefined;
  }
  return node;
}

/** Collections whose entries are named: problems inside them start with the entry's name. */
const NAMED: Record<SchemaDocumentKind, Record<string, string>> = {
  flow: { blocks: 'Block', variables: 'Variable', layout: 'Layout of block' },
  resources: {
    numbers: 'Number',
    queues: 'Queue',
    agentGroups: 'Agent group',
    agents: 'Agent',
    hours: 'Hours',
    prompts: 'Prompt',
  },
  flowTest: {},
};

/**
 * Splits a pointer into a prefix naming the entry (`Block "menu-main": `) and the quoted place inside
 * it (`"options[0].digit"`), block settings being shown relative to `settings`.
 */
export function locationLabel(
  path: string,
  doc: unknown,
  kind: SchemaDocumentKind,
): { prefix: string; subject: string } {
  const segments = segmentsOf(path);
  let start = 0;
  let prefix = '';
  const first = segments[0];
  const named = first !== undefined ? NAMED[kind][first] : undefined;
  if (named && segments.length >= 2) {
    prefix = `${named} "${segments[1]}"`;
    start = 2;
    if (kind === 'flow' && first === 'blocks' && segments[2] === 'settings' && segments.length > 3) start = 3;
  } else if (kind === 'flow' && first === 'module' && segments.length >= 3) {
    prefix = `Module ${segments[1] === 'outputs' ? 'output' : 'input'} "${segments[2]}"`;
    start = 3;
  } else if (kind === 'flowTest' && first === 'scenarios' && segments.length >= 2) {
    const name = valueAt(doc, `/scenarios/${segments[1]}/name`);
    prefix =
      typeof name === 'string' ? `Scenario "${truncate(name, 40)}"` : `Scenario ${Number(segments[1]) + 1}`;
    start = 2;
  }
  if (start === segments.length) {
    // The entry itself: "Block "x" must be an object".
    return { prefix: '', subject: prefix || (kind === 'flow' ? 'the flow' : 'the document') };
  }
  let shown = '';
  for (let i = start; i < segments.length; i++) {
    const parent = valueAt(doc, `/${segments.slice(0, i).join('/')}`);
    const segment = segments[i]!;
    shown += Array.isArray(parent) ? `[${segment}]` : `${shown === '' ? '' : '.'}${segment}`;
  }
  return { prefix: prefix ? `${prefix}: ` : '', subject: `"${shown}"` };
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Secure values never appear in errors (docs/security.md#secure-values): their declared values are not echoed. */
function isSecret(path: string, doc: unknown): boolean {
  const m = path.match(/^\/variables\/([^/]+)\//);
  if (!m) return false;
  const declaration = valueAt(doc, `/variables/${m[1]}`);
  return (
    declaration !== null &&
    typeof declaration === 'object' &&
    (declaration as { secure?: unknown }).secure === true
  );
}

export interface ValueDescription {
  /** "a string", "a list"... */
  kind: string;
  /** The value itself, shortened, or its kind when it should not be echoed. */
  text: string;
  /** Characters, items or entries. */
  length: number;
}

export function describeValue(value: unknown, path: string, doc: unknown): ValueDescription {
  const secret = isSecret(path, doc);
  if (value === undefined) return { kind: 'nothing', text: 'nothing', length: 0 };
  if (value === null) return { kind: 'null', text: 'null', length: 0 };
  if (Array.isArray(value)) return { kind: 'a list', text: 'a list', length: value.length };
  switch (typeof value) {
    case 'string':
      return {
        kind: 'a string',
        text: secret ? 'a hidden value' : JSON.stringify(truncate(value, 60)),
        length: value.length,
      };
    case 'number':
      return { kind: 'a number', text: secret ? 'a hidden value' : String(value), length: 0 };
    case 'boolean':
      return { kind: String(value), text: String(value), length: 0 };
    case 'object':
      return { kind: 'an object', text: 'an object', length: Object.keys(value).length };
    default:
      return { kind: typeof value, text: typeof value, length: 0 };
  }
}

/** Human wording for the patterns the schemas use. */
export const PATTERN_WORDS: Record<string, string> = {
  [ID_PATTERN]: 'must be an id like "menu-main": lower-case letters and digits, single hyphens between them',
  [NAME_PATTERN]: 'must be a name like "customerTier": letters, digits and _, starting with a letter',
  [VARIABLE_REF_PATTERN]:
    'must be a variable name like "customerTier" (system variables start with $, e.g. "$callerNumber")',
  [RESOURCE_NAME_PATTERN]:
    'must be a resource name: letters, digits, _ . and -, starting with a letter or digit',
  [DIGIT_PATTERN]: 'must be one key: 0-9, * or #',
  [PROMPT_AUDIO_FILE_PATTERN]:
    'must be a recording beside the flows, like "prompts/welcome.wav" (.wav or .mp3)',
  '^[A-Za-z0-9][A-Za-z0-9_.:-]*$': 'must be a voice name like "Polly.Joanna": letters, digits and _ . : -',
  '^(?:[0-9*#]|[a-z][A-Za-z0-9]*)$': 'must be an outcome name like "success" or a key like "1"',
  '^https?://': 'must start with https:// or http://',
  '^https://': 'must start with https://',
  '^[^;/?:@&=+$,]*$': 'must not contain the SIP-reserved characters ; / ? : @ & = + $ ,',
  '^[A-Z]{2}$': 'must be a two-letter country code like "US"',
  '^\\+[1-9][0-9]{1,14}$': 'must be an E.164 number like "+12015550100"',
  '^(?:[01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$': 'must be a time "HH:MM" (24-hour)',
  '^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])$': 'must be a date "YYYY-MM-DD"',
  '^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])T(?:[01][0-9]|2[0-3]):[0-5][0-9]$':
    'must be a local date-time "YYYY-MM-DDTHH:MM"',
  '^[a-z]{2}(-[A-Z]{2})?$': 'must be a language tag like "en" or "en-US"',
  '^[0-9*#]+$': 'must contain only the keys 0-9, * and #',
};

export const FORMAT_WORDS: Record<string, string> = {
  'date-time': 'must be an ISO 8601 date-time with an offset, like "2026-03-02T09:30:00-05:00"',
};

export const TYPE_WORDS: Record<string, string> = {
  object: 'an object',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  null: 'null',
};
