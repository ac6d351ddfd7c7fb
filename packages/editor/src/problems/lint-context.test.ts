import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Flow, summarizeFlow } from '@callflow/model';
import { describe, expect, it } from 'vitest';
import type { FlowListItem } from '../api/client';
import { checkFlow } from '../flow-checks';
import { lintContextOf, withOpenFlow } from './lint-context';

const flowsDir = fileURLToPath(new URL('../../../../flows/', import.meta.url));
const sample = (id: string) => JSON.parse(readFileSync(`${flowsDir}${id}.flow.json`, 'utf8')) as Flow;

/** A list item as `GET /api/flows` sends it. */
function item(flow: Flow, summary = summarizeFlow(flow)): FlowListItem {
  return {
    id: flow.id,
    name: flow.name,
    type: flow.type,
    etag: '"1"',
    live: null,
    latest: null,
    errors: 0,
    warnings: 0,
    summary,
  };
}

const codes = (flow: Flow, list: FlowListItem[]) =>
  checkFlow(flow, withOpenFlow(lintContextOf(null, list), flow)).map((p) => p.code);

describe('lint context from the flow list', () => {
  const flows = ['support-inbound', 'verify-caller', 'after-hours'].map(sample);
  const list = flows.map((f) => item(f));

  it('finds a module parameter mismatch (CF308) through the listed module interface', () => {
    const open = structuredClone(flows[0]!);
    const invoke = open.blocks['verify-caller']!.settings as { inputs: Record<string, unknown> };
    invoke.inputs.accountNumbr = invoke.inputs.accountNumber;
    delete invoke.inputs.accountNumber;
    expect(codes(flows[0]!, list)).not.toContain('CF308');
    expect(codes(open, list)).toContain('CF308');
    // Knowing only ids and types (the list before summaries), the mismatch goes unseen.
    const bare = list.map((listed) => ({ ...listed, summary: null }));
    expect(codes(open, bare)).not.toContain('CF308');
  });

  it('finds recursion through another module (CF604) from the modules each flow invokes', () => {
    const open = structuredClone(flows[1]!);
    open.blocks.loop = { type: 'invokeModule', settings: { module: 'inner' }, next: {} };
    const inner: Flow = { ...structuredClone(flows[1]!), id: 'inner' };
    inner.blocks.back = { type: 'invokeModule', settings: { module: 'verify-caller' }, next: {} };
    expect(codes(open, [...list, item(inner)])).toContain('CF604');
  });

  it('without summaries (an unreadable file) still knows the flow and its type', () => {
    const context = lintContextOf(null, [{ ...item(flows[1]!), summary: null }]);
    expect(context.flows?.get('verify-caller')).toEqual({ id: 'verify-caller', type: 'module' });
  });

  it('sees the open flow as edited, not as listed', () => {
    const open = { ...structuredClone(flows[1]!), module: {} };
    const context = withOpenFlow(lintContextOf(null, list), open);
    expect(context.flows?.get('verify-caller')?.module).toEqual({});
    expect(context.flows?.get('support-inbound')?.invokes).toEqual(
      expect.arrayContaining(['verify-caller', 'after-hours']),
    );
  });
});
