/** Wording shared by the schema problems: where a pointer is, in admin words, and what value was found. */

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

/** Secure variables never appear in error messages (DESIGN.md): their declared values are not echoed. */
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
