import { blockDefinition, blockTypes } from './blocks/index.js';
import type { AjvError } from './compiled-validators.js';
import { FLOW_KEYS } from './format.js';
import { didYouMean } from './lint/did-you-mean.js';
import { type Problem, type ProblemCode, pointer, problem } from './problems.js';
import { buildFlowSchema, buildFlowTestSchema, buildResourcesSchema } from './schema/index.js';
import {
  describeValue,
  FORMAT_WORDS,
  locationLabel,
  PATTERN_WORDS,
  type SchemaDocumentKind,
  TYPE_WORDS,
  valueAt,
} from './schema-wording.js';

/** ajv adds `propertyName` to errors raised while checking a property name (`propertyNames`). */
type SchemaError = AjvError & { propertyName?: string };

const CODE_BY_KEYWORD: Record<string, ProblemCode> = {
  required: 'CF101',
  type: 'CF102',
  additionalProperties: 'CF103',
  enum: 'CF104',
  const: 'CF104',
  minimum: 'CF105',
  maximum: 'CF105',
  exclusiveMinimum: 'CF105',
  exclusiveMaximum: 'CF105',
  minLength: 'CF105',
  maxLength: 'CF105',
  minItems: 'CF105',
  maxItems: 'CF105',
  minProperties: 'CF105',
  maxProperties: 'CF105',
  pattern: 'CF106',
  format: 'CF106',
  propertyNames: 'CF106',
};

/**
 * Turns ajv's errors into problems an admin can act on:
 * - `if` errors are dropped (the failing `then` reports the real cause);
 * - a oneOf/anyOf failure reports the errors of its closest branch only (fewest errors; a branch whose
 *   value has the wrong type altogether, or that fails on `not`, counts as further away); when several
 *   branches are equally close, none is reported and the wrapper says which forms are allowed instead;
 *   the wrapper is dropped whenever a more specific error exists at the same or a deeper path;
 * - one property-name error is kept per bad name;
 * - identical problems (same code, pointer and message) are reported once.
 */
export function schemaProblems(
  errors: readonly AjvError[],
  doc: unknown,
  kind: SchemaDocumentKind,
): Problem[] {
  const kept = pickBranches(errors.filter((e) => e.keyword !== 'if') as SchemaError[]);
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const error of kept) {
    const p = toProblem(error, doc, kind);
    const key = `${p.code}\u0000${p.path}\u0000${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}

interface Wrapper {
  error: SchemaError;
  branches: Map<number, SchemaError[]>;
}

function pickBranches(errors: SchemaError[]): SchemaError[] {
  const wrappers: Wrapper[] = errors
    .filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')
    .map((error) => ({ error, branches: new Map() }));
  const branchOf = new Map<SchemaError, Wrapper>();
  for (const error of errors) {
    // The innermost wrapper whose schema path prefixes this error's owns it.
    let owner: { wrapper: Wrapper; index: number } | undefined;
    for (const wrapper of wrappers) {
      if (wrapper.error === error) continue;
      if (!error.instancePath.startsWith(wrapper.error.instancePath)) continue;
      const m = error.schemaPath.slice(wrapper.error.schemaPath.length).match(/^\/(\d+)\//);
      if (!error.schemaPath.startsWith(wrapper.error.schemaPath) || !m) continue;
      if (!owner || wrapper.error.schemaPath.length > owner.wrapper.error.schemaPath.length) {
        owner = { wrapper, index: Number(m[1]) };
      }
    }
    if (!owner) continue;
    branchOf.set(error, owner.wrapper);
    const list = owner.wrapper.branches.get(owner.index) ?? [];
    list.push(error);
    owner.wrapper.branches.set(owner.index, list);
  }
  const chosen = new Set<SchemaError>();
  const replaced = new Map<SchemaError, SchemaError>();
  for (const wrapper of wrappers) {
    const branches = [...wrapper.branches.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
    const scores = branches.map((b) => branchDistance(b, wrapper.error.instancePath));
    const bestScore = Math.min(...scores);
    const best = branches.filter((_, i) => scores[i] === bestScore);
    if (best.length === 1) {
      for (const e of best[0]!) chosen.add(e);
    } else if (best.length > 1) {
      // No branch is clearly the one meant: keep the wrapper and say what each form needs.
      const forms = branches
        .filter((b) => b.every((e) => e.keyword === 'required'))
        .map((b) =>
          b.filter((e) => e.keyword === 'required').map((e) => `"${String(e.params.missingProperty)}"`),
        )
        .filter((f) => f.length > 0)
        .map((f) => f.join(' and '));
      replaced.set(wrapper.error, { ...wrapper.error, params: { ...wrapper.error.params, forms } });
    }
  }
  const named = new Set(
    errors.filter((e) => e.propertyName !== undefined).map((e) => `${e.instancePath}/${e.propertyName}`),
  );
  return errors
    .filter((e) => {
      if (branchOf.has(e) && !chosen.has(e)) return false;
      // ajv reports a bad property name twice: the failing rule, then `propertyNames` itself.
      if (e.keyword === 'propertyNames' && named.has(`${e.instancePath}/${String(e.params.propertyName)}`))
        return false;
      if (e.keyword !== 'oneOf' && e.keyword !== 'anyOf') return true;
      // Keep a wrapper only when nothing more specific explains the failure.
      return !errors.some(
        (o) =>
          o !== e &&
          (!branchOf.has(o) || chosen.has(o)) &&
          o.keyword !== 'oneOf' &&
          o.keyword !== 'anyOf' &&
          (o.instancePath === e.instancePath || o.instancePath.startsWith(`${e.instancePath}/`)),
      );
    })
    .map((e) => replaced.get(e) ?? e);
}

function branchDistance(branch: SchemaError[], at: string): number {
  let score = branch.length;
  for (const e of branch) {
    if (e.keyword === 'type' && e.instancePath === at) score += 100;
    if (e.keyword === 'not') score += 0.5;
  }
  return score;
}

function plural(n: unknown, word: string): string {
  return `${String(n)} ${word}${n === 1 ? '' : 's'}`;
}

function toProblem(error: SchemaError, doc: unknown, kind: SchemaDocumentKind): Problem {
  const params = error.params;
  let path = error.instancePath;
  if (error.propertyName !== undefined) path += pointer(error.propertyName);
  else if (error.keyword === 'propertyNames' && typeof params.propertyName === 'string') {
    path += pointer(params.propertyName);
  }
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
    path += pointer(params.missingProperty);
  }
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    path += pointer(params.additionalProperty);
  }
  const forbidden = error.keyword === 'not' ? forbiddenBy(error, doc, kind) : undefined;
  if (forbidden?.property !== undefined) path += pointer(forbidden.property);
  const { prefix, subject } = locationLabel(path, doc, kind);
  const value = valueAt(doc, error.instancePath);
  const got = describeValue(value, error.instancePath, doc);
  let code: ProblemCode = CODE_BY_KEYWORD[error.keyword] ?? 'CF100';
  let text: string;
  switch (error.keyword) {
    case 'required':
      text = `${subject} is missing (required)`;
      break;
    case 'type': {
      const types = String(params.type).split(',');
      text = `${subject} must be ${types.map((t) => TYPE_WORDS[t] ?? t).join(' or ')} (got ${got.kind})`;
      break;
    }
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const known = knownProperties(error.instancePath, doc, kind);
      const hint = didYouMean(name, known);
      text = `unknown property ${subject}${hint ? `.${hint}` : ''}`;
      break;
    }
    case 'enum':
    case 'const': {
      const allowed =
        (error.keyword === 'const' ? [params.allowedValue] : (params.allowedValues as unknown[])) ?? [];
      if (kind === 'flow' && /^\/blocks\/[^/]+\/type$/.test(error.instancePath)) {
        code = 'CF107';
        text = `unknown block type ${got.text}.${blockTypeHint(String(value))}`;
      } else {
        const list = allowed.map((a) => JSON.stringify(a)).join(', ');
        text = `${subject} must be ${allowed.length === 1 ? list : `one of ${list}`} (got ${got.text})`;
      }
      break;
    }
    case 'minimum':
    case 'exclusiveMinimum':
      text = `${subject} must be ${error.keyword === 'minimum' ? 'at least' : 'more than'} ${String(params.limit)} (got ${got.text})`;
      break;
    case 'maximum':
    case 'exclusiveMaximum':
      text = `${subject} must be ${error.keyword === 'maximum' ? 'at most' : 'less than'} ${String(params.limit)} (got ${got.text})`;
      break;
    case 'minLength':
      text =
        params.limit === 1
          ? `${subject} must not be empty`
          : `${subject} must have at least ${plural(params.limit, 'character')} (got ${got.length})`;
      break;
    case 'maxLength':
      text = `${subject} must have at most ${plural(params.limit, 'character')} (got ${got.length})`;
      break;
    case 'minItems':
      text = `${subject} must have at least ${plural(params.limit, 'item')} (got ${got.length})`;
      break;
    case 'maxItems':
      text = `${subject} must have at most ${plural(params.limit, 'item')} (got ${got.length})`;
      break;
    case 'minProperties':
      if (kind === 'flowTest' && /^\/scenarios\/\d+\/expect$/.test(error.instancePath)) {
        text = `${subject} checks nothing: name at least one thing the call must do (path, visits, notVisits, prompts, queue, offeredTo, popover, transfer, callback, variables, recording or end); a scenario without an expectation passes whatever happens`;
        break;
      }
      text = `${subject} must have at least ${plural(params.limit, 'entry')} (got ${got.length})`.replace(
        'entrys',
        'entries',
      );
      break;
    case 'maxProperties':
      if (kind === 'flow' && error.instancePath === '/blocks') {
        code = 'CF005';
        text = `the flow has ${got.length} blocks; at most ${String(params.limit)} are allowed. Split it into modules`;
      } else {
        text = `${subject} must have at most ${plural(params.limit, 'entry')} (got ${got.length})`.replace(
          'entrys',
          'entries',
        );
      }
      break;
    case 'pattern': {
      const words =
        PATTERN_WORDS[String(params.pattern)] ?? `must match the pattern ${String(params.pattern)}`;
      const shown = error.propertyName !== undefined ? JSON.stringify(error.propertyName) : got.text;
      text = `${subject} ${words} (got ${shown})`;
      break;
    }
    case 'format':
      text = `${subject} ${FORMAT_WORDS[String(params.format)] ?? `must be a valid ${String(params.format)}`} (got ${got.text})`;
      break;
    case 'propertyNames':
      text = `${subject} is not an allowed name`;
      break;
    case 'uniqueItems':
      text = `${subject} must not repeat an item (items ${String(params.j)} and ${String(params.i)} are the same)`;
      break;
    case 'not':
      text = forbidden?.property
        ? `${subject} is not allowed with these settings; see docs/format.md`
        : forbidden?.values
          ? `${subject} must not be ${forbidden.values.map((v) => JSON.stringify(v)).join(' or ')} (reserved)`
          : got.kind === 'an object'
            ? `${subject} has a combination of properties that is not allowed here; see docs/format.md`
            : `${subject} has a value that is reserved or not allowed here (got ${got.text})`;
      break;
    case 'oneOf':
    case 'anyOf':
      text = Array.isArray(params.passingSchemas)
        ? `${subject} matches more than one of the allowed forms; keep only one`
        : Array.isArray(params.forms) && params.forms.length > 1
          ? `${subject} must have ${params.forms.slice(0, -1).join(', ')} or ${params.forms.at(-1)} (see docs/format.md)`
          : `${subject} does not match any of the allowed forms; see docs/format.md`;
      break;
    default:
      text = `${subject} ${error.message ?? 'is not valid'}`;
  }
  const blockId = kind === 'flow' ? blockIdOf(path) : undefined;
  return problem(
    code,
    `${prefix}${capitalise(text, prefix)}`,
    path,
    blockId !== undefined ? { blockId } : {},
  );
}

/** A typo gets its correction; a partial name ("prompt", "queue") the types containing it. */
function blockTypeHint(type: string): string {
  const typo = didYouMean(type, blockTypes());
  if (typo) return typo;
  const part = type.toLowerCase();
  const containing = part.length >= 3 ? blockTypes().filter((t) => t.toLowerCase().includes(part)) : [];
  if (containing.length > 0) return ` Similar types: ${containing.map((t) => `"${t}"`).join(', ')}.`;
  return ' See docs/format.md for the catalog.';
}

function capitalise(text: string, prefix: string): string {
  return prefix === '' ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

function blockIdOf(path: string): string | undefined {
  const m = path.match(/^\/blocks\/([^/]+)/);
  return m ? m[1]!.replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
}

/** Property names the schema allows at this object, for "did you mean" hints (block settings, blocks, top level). */
function knownProperties(instancePath: string, doc: unknown, kind: SchemaDocumentKind): string[] {
  if (kind !== 'flow') return [];
  if (instancePath === '') {
    return [...FLOW_KEYS];
  }
  if (/^\/blocks\/[^/]+$/.test(instancePath)) return ['type', 'label', 'settings', 'next'];
  const settings = instancePath.match(/^(\/blocks\/[^/]+)\/settings$/);
  if (settings) {
    const type = valueAt(doc, `${settings[1]}/type`);
    const properties =
      typeof type === 'string' ? blockDefinition(type)?.settingsSchema.properties : undefined;
    return properties && typeof properties === 'object' ? Object.keys(properties) : [];
  }
  return [];
}

const ROOTS: Record<SchemaDocumentKind, () => unknown> = {
  flow: buildFlowSchema,
  resources: buildResourcesSchema,
  flowTest: buildFlowTestSchema,
};
const roots = new Map<SchemaDocumentKind, unknown>();

/**
 * What a failing `not` forbids, read from the schema: a property (`not: { required: [...] }`) or
 * reserved values (`not: { enum: [...] }`). ajv gives schema paths relative to a referenced schema it
 * did not inline, so the answer is used only when it fits the value actually found.
 */
function forbiddenBy(
  error: SchemaError,
  doc: unknown,
  kind: SchemaDocumentKind,
): { property?: string; values?: unknown[] } | undefined {
  if (!roots.has(kind)) roots.set(kind, ROOTS[kind]());
  const root = roots.get(kind) as { $defs?: Record<string, unknown> };
  const value = valueAt(doc, error.instancePath);
  const settingsOf = error.instancePath.match(/^(\/blocks\/[^/]+)\/settings(?:\/|$)/);
  const blockType = settingsOf ? valueAt(doc, `${settingsOf[1]}/type`) : undefined;
  const bases = [
    root,
    typeof blockType === 'string' ? blockDefinition(blockType)?.settingsSchema : undefined,
    ...Object.values(root.$defs ?? {}),
  ];
  for (const base of bases) {
    const node = valueAt(base, error.schemaPath.replace(/^#/, ''));
    if (node === null || typeof node !== 'object') continue;
    const { required, enum: values } = node as { required?: unknown; enum?: unknown };
    if (Array.isArray(required) && value !== null && typeof value === 'object') {
      const property = required.find((r) => typeof r === 'string' && Object.hasOwn(value, r));
      if (typeof property === 'string') return { property };
    }
    if (Array.isArray(values) && values.includes(value)) return { values };
  }
  return undefined;
}
