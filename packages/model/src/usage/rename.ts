import { obj } from '../blocks/common.js';
import type { Flow } from '../flow.js';
import { ownEntry } from '../own-entry.js';
import { pointer } from '../problems.js';
import type { Resources } from '../resources.js';
import { RESOURCE_NAME_PATTERN } from '../schema/defs.js';
import { RESOURCE_SECTIONS, type ResourceReferenceKind } from './resource-fields.js';
import { RESOURCES_FILE, type TestDocument, type Usage, whereUsed } from './where-used.js';

/** Why a rename cannot be made; `code` is what the service answers with. */
export interface RenameRefusal {
  code: 'invalid_resource_name' | 'resource_not_found' | 'resource_name_taken';
  message: string;
}

/** One value changed by a rename. `key` marks the entry's own name in the resources file. */
export interface RenameEdit {
  file: string;
  path: string;
  from: string;
  to: string;
  key?: true;
  /** The use this edit rewrites (absent for the entry's own key). */
  usage?: Usage;
}

export interface RenamePlan {
  /** The whole resources document after the rename. */
  resources: Resources;
  /** Only the flows the rename changes, after it, by id order. */
  flows: Flow[];
  /** Only the flow test documents the rename changes, after it, by file order. */
  tests: TestDocument[];
  edits: RenameEdit[];
}

/** The documents a rename reads: every flow, the resources, every flow test document. */
export interface RenameInputs {
  flows: readonly Flow[];
  resources: Resources;
  resourcesFile?: string;
  tests?: readonly TestDocument[];
}

const nameRegExp = new RegExp(RESOURCE_NAME_PATTERN);

/** Whether `from` can become `to` in these resources; undefined when it can. */
export function renameRefusal(
  kind: ResourceReferenceKind,
  from: string,
  to: string,
  resources: Resources,
): RenameRefusal | undefined {
  const section = resources[RESOURCE_SECTIONS[kind]] as Record<string, unknown> | undefined;
  if (typeof to !== 'string' || to.length > 64 || !nameRegExp.test(to)) {
    return {
      code: 'invalid_resource_name',
      message: `"${String(to).slice(0, 80)}" is not a resource name: start with a letter or digit, then letters, digits, _ . or -, at most 64.`,
    };
  }
  if (ownEntry(section, from) === undefined) {
    return { code: 'resource_not_found', message: `There is no ${kind} "${from}" in the resources file.` };
  }
  if (from !== to && ownEntry(section, to) !== undefined) {
    return {
      code: 'resource_name_taken',
      message: `A ${kind} named "${to}" already exists: choose another name, or delete it first.`,
    };
  }
  return undefined;
}

/**
 * Renames a resource entry and every use of it, in the flows, the resources file and the flow tests, as
 * one plan: nothing else in any document changes, so each file's canonical text differs only where the
 * name was. Pure: the inputs are not modified. Call `renameRefusal` first; a refused rename throws.
 */
export function planRename(
  kind: ResourceReferenceKind,
  from: string,
  to: string,
  inputs: RenameInputs,
): RenamePlan {
  const { flows, resources, resourcesFile = RESOURCES_FILE, tests = [] } = inputs;
  const refusal = renameRefusal(kind, from, to, resources);
  if (refusal) throw new Error(refusal.message);
  const edits: RenameEdit[] = [];
  const nextResources = cloneJson(resources);
  const changedFlows = new Map<string, Flow>();
  const changedTests = new Map<string, TestDocument>();
  if (from === to) return { resources: nextResources, flows: [], tests: [], edits };
  const sectionName = RESOURCE_SECTIONS[kind];
  const section = nextResources[sectionName] as unknown as Record<string, unknown>;
  // The entry keeps its place among the others; the canonical text sorts them anyway.
  (nextResources as unknown as Record<string, unknown>)[sectionName] = Object.fromEntries(
    Object.entries(section).map(([name, v]) => [name === from ? to : name, v]),
  );
  edits.push({ file: resourcesFile, path: pointer(sectionName, from), from, to, key: true });
  const testsByFile = new Map(tests.map((t) => [t.file, t]));
  for (const usage of whereUsed({ kind, name: from }, flows, resources, resourcesFile, tests)) {
    let doc: unknown;
    const test = testsByFile.get(usage.file);
    if (test) {
      if (!changedTests.has(test.file))
        changedTests.set(test.file, { file: test.file, doc: cloneJson(test.doc) });
      doc = changedTests.get(test.file)?.doc;
    } else if (usage.flowId !== undefined) {
      const original = flows.find((f) => f.id === usage.flowId);
      if (!original) continue;
      if (!changedFlows.has(original.id)) changedFlows.set(original.id, cloneJson(original));
      doc = changedFlows.get(original.id);
    } else {
      doc = nextResources;
    }
    replaceAt(doc, usage.path, from, to, usage.key === true);
    edits.push({
      file: usage.file,
      path: usage.path,
      from,
      to,
      ...(usage.key ? { key: true as const } : {}),
      usage,
    });
  }
  return {
    resources: nextResources,
    flows: [...changedFlows.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
    tests: [...changedTests.values()].sort((a, b) => (a.file < b.file ? -1 : 1)),
    edits,
  };
}

/**
 * Replaces the name at `path` (or, for `key`, renames the property there, keeping its place); in a list
 * that already holds the new name, drops the old one instead.
 */
function replaceAt(doc: unknown, path: string, from: string, to: string, key: boolean): void {
  const segments = path
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = segments.pop();
  let parent: unknown = doc;
  for (const segment of segments) {
    parent = Array.isArray(parent) ? parent[Number(segment)] : obj(parent)?.[segment];
  }
  if (last === undefined) return;
  if (Array.isArray(parent)) {
    const index = Number(last);
    if (parent[index] !== from) return;
    if (parent.includes(to)) parent.splice(index, 1);
    else parent[index] = to;
    return;
  }
  const container = obj(parent);
  if (!container) return;
  if (key) {
    if (last !== from || !Object.hasOwn(container, from) || Object.hasOwn(container, to)) return;
    const entries = Object.entries(container);
    for (const name of Object.keys(container)) delete container[name];
    for (const [name, value] of entries) {
      // defineProperty: a "__proto__" key read from JSON stays a key, never the prototype.
      Object.defineProperty(container, name === from ? to : name, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return;
  }
  if (container[last] === from) container[last] = to;
}

/** Documents are JSON data: a JSON round trip is a faithful deep copy (and keeps `__proto__` keys as keys). */
function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
