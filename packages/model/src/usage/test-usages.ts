import { arr, obj } from '../blocks/common.js';
import { pointer } from '../problems.js';
import type { UsableKind } from './resource-fields.js';
import type { Usage, UsageTarget } from './where-used.js';

/**
 * Where a flow test document (`<name>.test.json`) names a resource or a flow: scenario tests assert the
 * queue a call reached and simulate agents by name, so a rename must reach them too or `callflow test`
 * fails after it. Paths are inside one scenario; `key` means the name is the property's own name.
 */
const SCENARIO_FIELDS: readonly { path: string[]; kind: UsableKind; key?: true; via: string }[] = [
  { path: ['expect', 'queue'], kind: 'queue', via: 'expected queue' },
  { path: ['expect', 'callback', 'queue'], kind: 'queue', via: 'expected callback queue' },
  { path: ['expect', 'offeredTo'], kind: 'agent', via: 'expected agent' },
  { path: ['agents', '*'], kind: 'agent', key: true, via: 'simulated agent' },
  { path: ['agents', '*', 'transferAfterAccept', 'to', 'queue'], kind: 'queue', via: 'agent transfer' },
  { path: ['agents', '*', 'transferAfterAccept', 'to', 'agent'], kind: 'agent', via: 'agent transfer' },
];

/** The uses a flow test document makes of `target` (the flow it tests counts for flows). */
export function flowTestUsages(doc: unknown, file: string, target: UsageTarget): Usage[] {
  const test = obj(doc);
  if (!test) return [];
  const flowId = typeof test.flow === 'string' ? test.flow : undefined;
  const out: Usage[] = [];
  const common = { file, ...(flowId ? { flowId } : {}) };
  if (target.kind === 'flow' && flowId === target.name) {
    out.push({ ...common, path: '/flow', via: 'flow under test' });
  }
  arr(test.scenarios).forEach((scenario, index) => {
    for (const field of SCENARIO_FIELDS) {
      if (field.kind !== target.kind) continue;
      for (const [segments, value] of walk(scenario, field.path, [])) {
        const named = field.key ? segments[segments.length - 1] : value;
        if (named !== target.name) continue;
        const usage: Usage = { ...common, path: pointer('scenarios', index, ...segments), via: field.via };
        if (field.key) usage.key = true;
        out.push(usage);
      }
    }
  });
  return out;
}

/** Every value at `path` under `node` ("*" for any property), with the concrete segments that lead there. */
function walk(node: unknown, path: readonly string[], at: string[]): [string[], unknown][] {
  if (path.length === 0) return [[at, node]];
  const [head, ...rest] = path as [string, ...string[]];
  const container = obj(node);
  if (!container) return [];
  if (head === '*')
    return Object.keys(container).flatMap((name) => walk(container[name], rest, [...at, name]));
  return Object.hasOwn(container, head) ? walk(container[head], rest, [...at, head]) : [];
}
