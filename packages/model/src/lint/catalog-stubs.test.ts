// Rules that no block of today's catalog triggers (no outcome is optional, no block names an agent group)
// are tested against a catalog where Play prompt gains both.
import { describe, expect, it, vi } from 'vitest';
import type { BlockDefinition } from '../block-definition.js';
import { expectNoProblem, expectOneProblem, inboundFlow } from './test-support/lint-fixtures.js';

vi.mock('../blocks/index.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../blocks/index.js')>();
  const playPrompt = original.blockDefinition('playPrompt')!;
  const stub: BlockDefinition<Record<string, unknown>> = {
    ...playPrompt,
    outcomes: (s) => [
      ...playPrompt.outcomes(s),
      { name: 'interrupted', label: 'Interrupted', required: false },
    ],
    references: (s) =>
      typeof s.group === 'string' ? [{ kind: 'agentGroup', name: s.group, path: '/group' }] : [],
  };
  return {
    ...original,
    blockDefinition: (type: string) => (type === 'playPrompt' ? stub : original.blockDefinition(type)),
  };
});

describe('CF207 optional outcomes', () => {
  it('warns when an optional outcome is not wired', () => {
    const p = expectOneProblem(inboundFlow(), {
      code: 'CF207',
      path: '/blocks/greeting/next',
      blockId: 'greeting',
    });
    expect(p.severity).toBe('warning');
    expect(p.message).toContain('"interrupted"');
    // The outcome is a field: the designer marks that outcome's row without reading the message.
    expect(p.data).toEqual({ outcome: 'interrupted' });
  });

  it('is quiet once the optional outcome is wired', () => {
    const flow = inboundFlow();
    flow.blocks.greeting!.next = { ...flow.blocks.greeting!.next, interrupted: 'bye' };
    expectNoProblem(flow, 'CF207');
  });
});

describe('CF310 agent groups', () => {
  it('reports an agent group missing from resources', () => {
    const flow = inboundFlow();
    flow.blocks.greeting!.settings = { ...flow.blocks.greeting!.settings, group: 'sales-agent' };
    const p = expectOneProblem(flow, {
      code: 'CF310',
      path: '/blocks/greeting/settings/group',
      blockId: 'greeting',
    });
    expect(p.message).toContain('Did you mean "sales-agents"?');
  });

  it('accepts an agent group of the resources', () => {
    const flow = inboundFlow();
    flow.blocks.greeting!.settings = { ...flow.blocks.greeting!.settings, group: 'sales-agents' };
    expectNoProblem(flow, 'CF310');
  });
});
