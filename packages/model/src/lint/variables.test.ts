import { describe, expect, it } from 'vitest';
import type { Flow } from '../flow.js';
import { expectNoProblem, expectOneProblem, inboundFlow, moduleFlow } from './test-support/lint-fixtures.js';

const withPopover = (popover: string[]): Flow => ({ ...inboundFlow(), popover });

describe('the agent popover', () => {
  it('CF400: fewer than 3 entries', () => {
    expectOneProblem(withPopover(['customerTier', 'reason']), { code: 'CF400', path: '/popover' });
  });

  it('CF401: more than 6 entries', () => {
    const flow = withPopover(['customerTier', 'reason', 'accountNumber', 'a', 'b', 'c', 'd']);
    for (const name of ['a', 'b', 'c', 'd']) {
      flow.variables![name] = { type: 'string', label: name, agentViewable: true };
    }
    expectOneProblem(flow, { code: 'CF401', path: '/popover' });
  });

  it('CF402: a secure variable', () => {
    const flow = withPopover(['customerTier', 'reason', 'pin']);
    flow.variables!.pin = { type: 'string', secure: true, agentViewable: true, label: 'PIN' };
    const p = expectOneProblem(flow, { code: 'CF402', path: '/popover/2' });
    expect(p.message).toContain('"pin"');
  });

  it('CF403: a variable that is not agent viewable', () => {
    expectOneProblem(withPopover(['customerTier', 'reason', 'attempts']), {
      code: 'CF403',
      path: '/popover/2',
    });
  });

  it('CF405: a duplicate entry', () => {
    expectOneProblem(withPopover(['customerTier', 'reason', 'customerTier']), {
      code: 'CF405',
      path: '/popover/2',
    });
  });

  it('CF306: an undeclared variable', () => {
    expectOneProblem(withPopover(['customerTier', 'reason', 'nope']), { code: 'CF306', path: '/popover/2' });
  });

  it('accepts 3 to 6 viewable, non-secure variables, and no popover at all', () => {
    const clean = withPopover(['customerTier', 'reason', 'accountNumber']);
    for (const code of ['CF400', 'CF401', 'CF402', 'CF403', 'CF405', 'CF306'] as const) {
      expectNoProblem(clean, code);
      expectNoProblem(inboundFlow(), code);
    }
  });
});

describe('variable declarations', () => {
  const declaring = (name: string, declaration: NonNullable<Flow['variables']>[string]): Flow => {
    const flow = inboundFlow();
    flow.variables![name] = declaration;
    return flow;
  };

  it('CF404: a string default over 256 characters', () => {
    expectOneProblem(declaring('note', { type: 'string', default: 'x'.repeat(257) }), {
      code: 'CF404',
      path: '/variables/note/default',
    });
    expectNoProblem(declaring('note', { type: 'string', default: 'x'.repeat(256) }), 'CF404');
  });

  it('CF406: a JSON variable marked agent viewable', () => {
    expectOneProblem(declaring('blob', { type: 'json', agentViewable: true, label: 'Blob' }), {
      code: 'CF406',
      path: '/variables/blob/agentViewable',
    });
  });

  it.each([
    [{ type: 'integer', default: '3' }],
    [{ type: 'integer', default: 2.5 }],
    [{ type: 'boolean', default: 'yes' }],
    [{ type: 'decimal', default: 'x' }],
    [{ type: 'string', default: 42 }],
    [{ type: 'dateTime', default: '01/05/2026 09:00' }],
    [{ type: 'dateTime', default: '2026-05-01' }],
  ] as const)('CF407: default %j', (declaration) => {
    expectOneProblem(declaring('v', declaration as never), { code: 'CF407', path: '/variables/v/default' });
  });

  it('CF407: accepts defaults of the declared type', () => {
    for (const declaration of [
      { type: 'integer', default: 3 },
      { type: 'decimal', default: 2.5 },
      { type: 'boolean', default: false },
      { type: 'dateTime', default: '2026-05-01T09:00:00Z' },
      { type: 'json', default: [1, 2] },
      { type: 'string', default: null },
    ] as const) {
      expectNoProblem(declaring('v', declaration as never), 'CF407');
    }
  });

  it('CF408: agent editable but not viewable', () => {
    expectOneProblem(declaring('notes', { type: 'string', agentEditable: true }), {
      code: 'CF408',
      path: '/variables/notes/agentEditable',
    });
    expectNoProblem(
      declaring('notes', { type: 'string', agentEditable: true, agentViewable: true, label: 'N' }),
      'CF408',
    );
  });

  it('CF409: agent viewable without a label (warning)', () => {
    const p = expectOneProblem(declaring('notes', { type: 'string', agentViewable: true, label: ' ' }), {
      code: 'CF409',
      path: '/variables/notes',
    });
    expect(p.severity).toBe('warning');
    expectNoProblem(declaring('notes', { type: 'string', agentViewable: true, label: 'Notes' }), 'CF409');
  });

  it('CF411: a JSON default over the size cap, counted in UTF-8 bytes', () => {
    expectOneProblem(declaring('big', { type: 'json', default: { text: 'é'.repeat(2100) } }), {
      code: 'CF411',
      path: '/variables/big/default',
    });
    expectNoProblem(declaring('big', { type: 'json', default: { text: 'e'.repeat(2100) } }), 'CF411');
  });
});

describe('CF410 name clashes', () => {
  it('reports a module variable named like a module input', () => {
    const flow = moduleFlow();
    flow.variables = { accountId: { type: 'string' } };
    const p = expectOneProblem(flow, { code: 'CF410', path: '/module/inputs/accountId' });
    expect(p.message).toContain('"accountId"');
  });

  it('reports names differing only in letter case', () => {
    const flow = inboundFlow();
    flow.variables!.CustomerTier = { type: 'string' };
    expectOneProblem(flow, { code: 'CF410', path: '/variables/CustomerTier' });
  });

  it('accepts distinct names', () => {
    expectNoProblem(inboundFlow(), 'CF410');
    expectNoProblem(moduleFlow(), 'CF410');
  });
});
