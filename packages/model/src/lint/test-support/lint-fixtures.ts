/** Small, fully wired flows and resources that lint clean; each test breaks one thing. */
import { expect } from 'vitest';
import type { Block, Flow, FlowType } from '../../flow.js';
import type { Problem, ProblemCode } from '../../problems.js';
import { emptyResources, type Resources } from '../../resources.js';
import { type FlowSummary, type LintContext, lintFlow } from '../index.js';

/** An inbound flow: greeting -> set-queue -> to-sales, every outcome wired. */
export function inboundFlow(): Flow {
  return {
    formatVersion: 1,
    id: 'main',
    name: 'Main line',
    type: 'inbound',
    start: 'greeting',
    variables: {
      customerTier: { type: 'string', default: 'silver', label: 'Tier', agentViewable: true },
      accountNumber: { type: 'string', label: 'Account', agentViewable: true, agentEditable: true },
      reason: { type: 'string', label: 'Reason', agentViewable: true },
      pin: { type: 'string', secure: true },
      attempts: { type: 'integer', default: 0 },
      profile: { type: 'json', default: { plan: 'basic' } },
    },
    blocks: {
      greeting: block(
        'playPrompt',
        { prompt: { prompt: 'welcome' } },
        { success: 'set-queue', error: 'bye' },
      ),
      'set-queue': block('setWorkingQueue', { queue: 'sales' }, { success: 'to-sales', error: 'bye' }),
      'to-sales': block('transferToQueue', {}, { atCapacity: 'bye', error: 'bye' }),
      bye: block('disconnect', {}),
    },
    layout: { greeting: { x: 0, y: 0 }, bye: { x: 200, y: 0 } },
  };
}

/** A module flow with one input and one output, returning at once. */
export function moduleFlow(id = 'verify-caller'): Flow {
  return {
    formatVersion: 1,
    id,
    name: 'Verify caller',
    type: 'module',
    start: 'check',
    module: {
      inputs: { accountId: { type: 'string', required: true }, language: { type: 'string' } },
      outputs: { verified: { type: 'boolean', required: true } },
    },
    blocks: {
      check: block(
        'checkVariable',
        { rules: [{ outcome: 'known', when: { variable: 'accountId', operator: 'isNotEmpty' } }] },
        { known: 'done', noMatch: 'done' },
      ),
      done: block('return', { outputs: { verified: { value: true } } }),
    },
  };
}

export function block(type: string, settings: Record<string, unknown>, next?: Record<string, string>): Block {
  return next ? { type, settings, next } : { type, settings };
}

/** Adds blocks to a flow and routes `from`'s outcome to the first of them. */
export function withBlocks(
  flow: Flow,
  blocks: Record<string, Block>,
  from?: { block: string; outcome: string; to: string },
): Flow {
  const copy = structuredClone(flow);
  Object.assign(copy.blocks, structuredClone(blocks));
  if (from) copy.blocks[from.block]!.next = { ...copy.blocks[from.block]!.next, [from.outcome]: from.to };
  return copy;
}

export function sampleResources(): Resources {
  return {
    ...emptyResources(),
    account: { defaultRegion: 'US', principalNumber: 'main', allowedCountries: ['US', 'CA'] },
    numbers: {
      main: { number: '+12025550100', displayName: 'Main' },
      sales: { number: '+12025550101', displayName: 'Sales' },
    },
    queues: {
      sales: { displayName: 'Sales', agentGroup: 'sales-agents' },
      support: { displayName: 'Support', agentGroup: 'support-agents' },
    },
    agentGroups: {
      'sales-agents': { displayName: 'Sales agents' },
      'support-agents': { displayName: 'Support' },
    },
    hours: {
      business: { timeZone: 'America/New_York', weekly: [{ days: ['mon'], open: '09:00', close: '17:00' }] },
    },
    prompts: { welcome: { text: 'Welcome.' }, goodbye: { text: 'Goodbye.' } },
  };
}

export function summaries(...flows: FlowSummary[]): Map<string, FlowSummary> {
  return new Map(flows.map((f) => [f.id, f]));
}

export function fullContext(extra: Partial<LintContext> = {}): LintContext {
  return {
    resources: sampleResources(),
    flows: summaries(
      { id: 'main', type: 'inbound' },
      { id: 'verify-caller', type: 'module', module: moduleFlow().module! },
      { id: 'queue-music', type: 'customer-queue' },
      { id: 'agent-whisper', type: 'agent-whisper' },
    ),
    ...extra,
  };
}

export function problemsOf(flow: Flow, code: ProblemCode, context: LintContext = fullContext()): Problem[] {
  return lintFlow(flow, context).filter((p) => p.code === code);
}

/**
 * Asserts lint reports `code` exactly once, at `path` and on `blockId` (undefined for flow-level
 * problems), with a message naming the block; returns the problem for further checks.
 */
export function expectOneProblem(
  flow: Flow,
  expected: { code: ProblemCode; path: string; blockId?: string },
  context: LintContext = fullContext(),
): Problem {
  const found = problemsOf(flow, expected.code, context);
  expect(found).toHaveLength(1);
  const [p] = found as [Problem];
  expect({ code: p.code, path: p.path, blockId: p.blockId }).toEqual({
    code: expected.code,
    path: expected.path,
    blockId: expected.blockId,
  });
  if (expected.blockId !== undefined) expect(p.message).toContain(`"${expected.blockId}"`);
  return p;
}

export function expectNoProblem(flow: Flow, code: ProblemCode, context: LintContext = fullContext()): void {
  expect(problemsOf(flow, code, context)).toEqual([]);
}

export function ofType(flow: Flow, type: FlowType): Flow {
  return { ...structuredClone(flow), type };
}
