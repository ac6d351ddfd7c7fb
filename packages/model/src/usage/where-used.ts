import { obj } from '../blocks/common.js';
import type { Flow } from '../flow.js';
import { buildFlowGraph } from '../lint/flow-graph.js';
import { referencePointer } from '../lint/reference-pointer.js';
import { pointer } from '../problems.js';
import type { Resources } from '../resources.js';
import {
  kindOfSection,
  RESOURCE_FIELDS,
  type ResourceReferenceKind,
  type UsableKind,
} from './resource-fields.js';
import { flowTestUsages } from './test-usages.js';

/** What is looked for: a resource entry or a flow, by kind and name. */
export interface UsageTarget {
  kind: UsableKind;
  name: string;
}

/** One place that names the target: a block setting in a flow, or a setting in the resources file. */
export interface Usage {
  /** The file, as the flows directory names it: `<id>.flow.json` or the resources file. */
  file: string;
  /** JSON pointer, inside that file, of the value that names the target. */
  path: string;
  /** In a flow: the flow and the block. */
  flowId?: string;
  flowName?: string;
  blockId?: string;
  blockType?: string;
  /** In the resources file: the entry whose setting names the target (kind "account" for the account). */
  resource?: { kind: ResourceReferenceKind | 'account'; name: string };
  /** The name is the property's own name at `path` (a simulated agent in a flow test), not its value. */
  key?: true;
  /** The setting, in an admin's words: "queue", "prompt/prompt", "customer-queue flow". */
  via: string;
}

export const RESOURCES_FILE = 'resources.json';

/** The uses made by block settings of one flow, in file order. */
export function flowUsages(flow: Flow, target: UsageTarget): Usage[] {
  const out: Usage[] = [];
  for (const info of buildFlowGraph(flow).list) {
    for (const reference of info.references) {
      if (reference.kind !== target.kind || reference.name !== target.name) continue;
      out.push({
        file: `${flow.id}.flow.json`,
        path: referencePointer(info, reference),
        flowId: flow.id,
        flowName: typeof flow.name === 'string' ? flow.name : flow.id,
        blockId: info.id,
        blockType: info.block.type,
        via: reference.path.slice(1),
      });
    }
  }
  return out;
}

/** The uses made by the resources file's own settings (a queue's agent group, an agent's numbers...). */
export function resourceUsages(
  resources: Resources,
  target: UsageTarget,
  file: string = RESOURCES_FILE,
): Usage[] {
  const out: Usage[] = [];
  const doc = resources as unknown as Record<string, unknown>;
  for (const field of RESOURCE_FIELDS) {
    if (field.kind !== target.kind) continue;
    const entries: [string | undefined, Record<string, unknown> | undefined][] =
      field.section === 'account'
        ? [[undefined, obj(doc.account)]]
        : Object.entries(obj(doc[field.section]) ?? {}).map(([name, entry]) => [name, obj(entry)]);
    for (const [name, entry] of entries) {
      if (!entry) continue;
      const base = name === undefined ? [field.section, field.field] : [field.section, name, field.field];
      const resource = {
        kind: (kindOfSection(field.section) ?? 'account') as ResourceReferenceKind | 'account',
        name: name ?? 'account',
      };
      const value = entry[field.field];
      if (field.many) {
        if (!Array.isArray(value)) continue;
        value.forEach((item, index) => {
          if (item === target.name)
            out.push({ file, path: pointer(...base, index), resource, via: field.label });
        });
      } else if (value === target.name) {
        out.push({ file, path: pointer(...base), resource, via: field.label });
      }
    }
  }
  return out;
}

/** A flow test document and its file name (`<name>.test.json`). */
export interface TestDocument {
  file: string;
  doc: unknown;
}

const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/**
 * Everything that names `target`: every block of every flow (through each block's own `references`, so
 * a new block type is covered by declaring them), every setting of the resources file and the flow test
 * documents. Inputs come in any order; the answer lists flows by id, then the resources file, then tests.
 */
export function whereUsed(
  target: UsageTarget,
  flows: readonly Flow[],
  resources: Resources | undefined,
  resourcesFile: string = RESOURCES_FILE,
  tests: readonly TestDocument[] = [],
): Usage[] {
  const out = [...flows].sort(byKey((f) => f.id)).flatMap((flow) => flowUsages(flow, target));
  if (resources) out.push(...resourceUsages(resources, target, resourcesFile));
  for (const test of [...tests].sort(byKey((t) => t.file)))
    out.push(...flowTestUsages(test.doc, test.file, target));
  return out;
}
