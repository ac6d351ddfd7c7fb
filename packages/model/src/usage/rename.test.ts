import { describe, expect, it } from 'vitest';
import type { Flow } from '../flow.js';
import { formatFlow, formatResources } from '../format.js';
import {
  block,
  inboundFlow,
  moduleFlow,
  sampleResources,
  withBlocks,
} from '../lint/test-support/lint-fixtures.js';
import type { Resources } from '../resources.js';
import { planRename, renameRefusal } from './rename.js';
import { whereUsed } from './where-used.js';

/** Two flows naming queue "sales" (one twice), a third naming nothing of it, and resources using it. */
function center(): { flows: Flow[]; resources: Resources } {
  const main = withBlocks(
    inboundFlow(),
    {
      'call-back': block(
        'createCallback',
        { queue: 'sales', number: { variable: '$caller' } },
        { success: 'bye', error: 'bye' },
      ),
    },
    { block: 'to-sales', outcome: 'atCapacity', to: 'call-back' },
  );
  const overflow: Flow = {
    ...inboundFlow(),
    id: 'overflow',
    name: 'Overflow',
    blocks: {
      ...inboundFlow().blocks,
      'set-queue': block('setWorkingQueue', { queue: 'support' }, { success: 'to-sales', error: 'bye' }),
    },
  };
  const other: Flow = { ...inboundFlow(), id: 'sales-copy', name: 'Sales copy' };
  const resources = sampleResources();
  resources.agents = {
    ann: {
      displayName: 'Ann',
      groups: ['sales-agents'],
      defaultOutboundQueue: 'sales',
      allowedNumbers: ['main', 'sales'],
    },
  };
  resources.queues.sales!.outboundCallerId = 'sales';
  resources.queues.sales!.customerQueueFlow = 'queue-music';
  return { flows: [overflow, other, main], resources };
}

describe('whereUsed', () => {
  it('lists every block and resource setting that names a queue, flows by id, with pointers', () => {
    const { flows, resources } = center();
    const uses = whereUsed({ kind: 'queue', name: 'sales' }, flows, resources);
    expect(uses.map((u) => [u.file, u.path, u.blockId ?? u.resource?.name])).toEqual([
      ['main.flow.json', '/blocks/set-queue/settings/queue', 'set-queue'],
      ['main.flow.json', '/blocks/call-back/settings/queue', 'call-back'],
      ['sales-copy.flow.json', '/blocks/set-queue/settings/queue', 'set-queue'],
      ['resources.json', '/agents/ann/defaultOutboundQueue', 'ann'],
    ]);
    expect(uses[0]).toMatchObject({
      flowId: 'main',
      flowName: 'Main line',
      blockType: 'setWorkingQueue',
      via: 'queue',
    });
    expect(uses[3]).toMatchObject({
      resource: { kind: 'agent', name: 'ann' },
      via: 'default outbound queue',
    });
  });

  it('finds numbers in lists and in the account, flows in queues and blocks', () => {
    const { flows, resources } = center();
    const numbers = whereUsed({ kind: 'number', name: 'main' }, flows, resources);
    expect(numbers.map((u) => u.path)).toEqual(['/account/principalNumber', '/agents/ann/allowedNumbers/0']);
    const withModule = withBlocks(inboundFlow(), {
      verify: block(
        'invokeModule',
        { module: 'verify-caller', inputs: {}, outputs: {} },
        { success: 'bye', error: 'bye' },
      ),
    });
    const flowsUses = whereUsed({ kind: 'flow', name: 'queue-music' }, [withModule], resources);
    expect(flowsUses.map((u) => u.path)).toEqual(['/queues/sales/customerQueueFlow']);
    expect(whereUsed({ kind: 'flow', name: 'verify-caller' }, [withModule, moduleFlow()], resources)).toEqual(
      [
        expect.objectContaining({
          flowId: 'main',
          blockId: 'verify',
          path: '/blocks/verify/settings/module',
        }),
      ],
    );
  });

  it('ignores names that merely match another kind, and the prototype', () => {
    const { flows, resources } = center();
    // "sales" is also a number name: asking for the number does not list the queue uses.
    expect(whereUsed({ kind: 'number', name: 'sales' }, flows, resources).map((u) => u.path)).toEqual([
      '/queues/sales/outboundCallerId',
      '/agents/ann/allowedNumbers/1',
    ]);
    expect(whereUsed({ kind: 'queue', name: 'constructor' }, flows, resources)).toEqual([]);
  });
});

describe('planRename', () => {
  it('changes exactly the names, in the flows that use them and the resources, as one plan', () => {
    const { flows, resources } = center();
    const before = structuredClone({ flows, resources });
    const plan = planRename('queue', 'sales', 'sales-us', { flows, resources });
    // Inputs untouched.
    expect({ flows, resources }).toEqual(before);
    expect(plan.flows.map((f) => f.id)).toEqual(['main', 'sales-copy']);
    const main = plan.flows[0]!;
    expect(main.blocks['set-queue']!.settings.queue).toBe('sales-us');
    expect(main.blocks['call-back']!.settings.queue).toBe('sales-us');
    expect(plan.resources.queues['sales-us']).toEqual(resources.queues.sales);
    expect(plan.resources.queues.sales).toBeUndefined();
    expect(plan.resources.agents.ann!.defaultOutboundQueue).toBe('sales-us');
    // The canonical texts differ only on the lines holding the name.
    expect(changedLines(formatFlow(flows[2]!), formatFlow(main))).toEqual([
      ['-', '"queue": "sales",'],
      ['-', '"queue": "sales"'],
      ['+', '"queue": "sales-us",'],
      ['+', '"queue": "sales-us"'],
    ]);
    expect(changedLines(formatResources(resources), formatResources(plan.resources))).toEqual([
      ['-', '"sales": {'],
      ['-', '"defaultOutboundQueue": "sales"'],
      ['+', '"sales-us": {'],
      ['+', '"defaultOutboundQueue": "sales-us"'],
    ]);
    expect(plan.edits.map((e) => [e.file, e.path, e.key ?? false])).toEqual([
      ['resources.json', '/queues/sales', true],
      ['main.flow.json', '/blocks/set-queue/settings/queue', false],
      ['main.flow.json', '/blocks/call-back/settings/queue', false],
      ['sales-copy.flow.json', '/blocks/set-queue/settings/queue', false],
      ['resources.json', '/agents/ann/defaultOutboundQueue', false],
    ]);
  });

  it('renames a number in lists; a list that already holds the new name drops the old one', () => {
    const { flows, resources } = center();
    resources.agents.ann!.allowedNumbers = ['main', 'sales', 'spare'];
    const plan = planRename('number', 'main', 'spare', { flows, resources });
    expect(plan.resources.agents.ann!.allowedNumbers).toEqual(['sales', 'spare']);
    expect(plan.resources.account.principalNumber).toBe('spare');
    expect(plan.flows).toEqual([]);
  });

  it('refuses a bad, unknown or taken name with a code', () => {
    const { resources } = center();
    expect(renameRefusal('queue', 'sales', 'bad name', resources)?.code).toBe('invalid_resource_name');
    expect(renameRefusal('queue', 'nope', 'other', resources)?.code).toBe('resource_not_found');
    expect(renameRefusal('queue', 'toString', 'other', resources)?.code).toBe('resource_not_found');
    expect(renameRefusal('queue', 'sales', 'support', resources)?.code).toBe('resource_name_taken');
    expect(renameRefusal('queue', 'sales', 'fresh', resources)).toBeUndefined();
    expect(() => planRename('queue', 'sales', 'support', { flows: [], resources })).toThrow(/already exists/);
  });
});

describe('flow tests', () => {
  const testDoc = () => ({
    formatVersion: 1,
    flow: 'main',
    scenarios: [
      {
        name: 'queued',
        call: { from: '+12025550111', to: '+12025550100', at: '2026-01-05T10:00:00-05:00' },
        agents: {
          ann: { state: 'Available', transferAfterAccept: { to: { queue: 'sales' } } },
          bob: { state: 'Offline' },
        },
        expect: { queue: 'sales', offeredTo: 'ann', callback: { queue: 'support' } },
      },
    ],
  });

  it('lists and renames the queues and agents scenario tests name, keys included, keeping order', () => {
    const { flows, resources } = center();
    const tests = [{ file: 'main.test.json', doc: testDoc() }];
    expect(
      whereUsed({ kind: 'queue', name: 'sales' }, [], undefined, undefined, tests).map((u) => u.path),
    ).toEqual(['/scenarios/0/expect/queue', '/scenarios/0/agents/ann/transferAfterAccept/to/queue']);
    expect(whereUsed({ kind: 'flow', name: 'main' }, [], undefined, undefined, tests)[0]).toMatchObject({
      path: '/flow',
      flowId: 'main',
    });
    const queue = planRename('queue', 'sales', 'sales-us', { flows, resources, tests });
    const renamed = queue.tests[0]!.doc as ReturnType<typeof testDoc>;
    expect(renamed.scenarios[0]!.expect).toEqual({
      queue: 'sales-us',
      offeredTo: 'ann',
      callback: { queue: 'support' },
    });
    expect(tests[0]!.doc.scenarios[0]!.expect.queue).toBe('sales');
    const agent = planRename('agent', 'ann', 'anna', { flows, resources, tests });
    const doc = agent.tests[0]!.doc as ReturnType<typeof testDoc>;
    expect(Object.keys(doc.scenarios[0]!.agents)).toEqual(['anna', 'bob']);
    expect(doc.scenarios[0]!.expect.offeredTo).toBe('anna');
    expect(agent.resources.agents.anna).toBeDefined();
    expect(agent.flows).toEqual([]);
  });
});

/** Lines only in `before` ("-") then lines only in `after` ("+"), counted as multisets, trimmed. */
function changedLines(before: string, after: string): [string, string][] {
  const count = (text: string) => {
    const counts = new Map<string, number>();
    for (const line of text.split('\n')) counts.set(line.trim(), (counts.get(line.trim()) ?? 0) + 1);
    return counts;
  };
  const a = count(before);
  const b = count(after);
  const only = (x: Map<string, number>, y: Map<string, number>, op: string) =>
    before
      .concat('\n', after)
      .split('\n')
      .map((l) => l.trim())
      .filter((line, index, all) => all.indexOf(line) === index)
      .flatMap((line) =>
        Array.from(
          { length: Math.max(0, (x.get(line) ?? 0) - (y.get(line) ?? 0)) },
          () => [op, line] as [string, string],
        ),
      );
  return [...only(a, b, '-'), ...only(b, a, '+')];
}
