/**
 * Builders of small valid documents for tests across the model (schema, lint, format, check).
 * Every flow built here passes the schema; with `sampleResources()` and `sampleFlows()` it is meant to
 * pass lint as well.
 */
import { BLOCKS, blockDefinition } from '../blocks/index.js';
import { type Block, FLOW_TYPES, type Flow, type FlowType, FORMAT_VERSION } from '../flow.js';
import type { FlowSummary } from '../lint/index.js';
import type { Resources } from '../resources.js';

/** The block that ends a flow of this type. */
export function terminalFor(flowType: FlowType): 'disconnect' | 'endFlow' | 'return' {
  if (flowType === 'module') return 'return';
  if (flowType.endsWith('whisper')) return 'endFlow';
  return 'disconnect';
}

/** A block of this type with its palette defaults. */
export function blockOf(type: string, next?: Record<string, string>): Block {
  const definition = blockDefinition(type);
  if (!definition) throw new Error(`test-support: unknown block type ${type}`);
  const block: Block = { type, settings: definition.defaults() };
  if (next && Object.keys(next).length > 0) block.next = next;
  return block;
}

/** "getDigits" -> "get-digits": a block id for a block of this type. */
export function idFor(type: string): string {
  return type.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The first flow type that allows this block (inbound when it can). */
export function flowTypeFor(blockType: string): FlowType {
  const allowed = blockDefinition(blockType)?.flowTypes ?? [];
  return allowed.includes('inbound') ? 'inbound' : (allowed[0] ?? 'inbound');
}

function frame(flowType: FlowType, start: string, blocks: Record<string, Block>): Flow {
  const layout: Flow['layout'] = {};
  Object.keys(blocks).forEach((id, i) => {
    layout[id] = { x: 100 + 240 * i, y: 120 };
  });
  const flow: Flow = {
    $schema: '../schemas/flow.schema.json',
    formatVersion: FORMAT_VERSION,
    id: flowType === 'inbound' ? 'main' : `${flowType}-flow`,
    name: `Sample ${flowType} flow`,
    type: flowType,
    start,
    blocks,
    layout,
  };
  if (flowType === 'module') flow.module = { inputs: {}, outputs: {} };
  return flow;
}

/** The smallest useful flow of a type: a prompt, then the flow's terminal block. */
export function minimalFlow(flowType: FlowType = 'inbound'): Flow {
  const end = terminalFor(flowType);
  return frame(flowType, 'welcome', {
    welcome: blockOf('playPrompt', { success: 'end', error: 'end' }),
    end: blockOf(end),
  });
}

/**
 * A flow whose start block is one block of this type with its defaults, every outcome wired to the
 * terminal block, and the flow variables its settings refer to declared.
 */
export function flowWithBlock(blockType: string, flowType: FlowType = flowTypeFor(blockType)): Flow {
  const definition = blockDefinition(blockType);
  if (!definition) throw new Error(`test-support: unknown block type ${blockType}`);
  const subject = idFor(blockType);
  const endType = terminalFor(flowType);
  if (blockType === endType) return frame(flowType, subject, { [subject]: blockOf(blockType) });
  const block = blockOf(blockType);
  const next: Record<string, string> = {};
  for (const o of definition.outcomes(block.settings)) next[o.name] = 'end';
  if (Object.keys(next).length > 0) block.next = next;
  const flow = frame(flowType, subject, { [subject]: block, end: blockOf(endType) });
  for (const ref of definition.references(block.settings)) {
    if ((ref.kind === 'variable' || ref.kind === 'writableVariable') && !ref.name.startsWith('$')) {
      flow.variables = { ...flow.variables, [ref.name]: { type: 'string' } };
    }
  }
  return flow;
}

/** One flow per block type of the catalog. */
export function everyBlockFlow(): { blockType: string; flow: Flow }[] {
  return BLOCKS.map((b) => ({ blockType: b.type, flow: flowWithBlock(b.type) }));
}

/** One minimal flow per flow type. */
export function everyFlowType(): { flowType: FlowType; flow: Flow }[] {
  return FLOW_TYPES.map((flowType) => ({ flowType, flow: minimalFlow(flowType) }));
}

/** Resources that every block default refers to (queue "support", number "main", hours "business"...). */
export function sampleResources(): Resources {
  return {
    $schema: '../schemas/resources.schema.json',
    formatVersion: FORMAT_VERSION,
    account: {
      name: 'Example',
      defaultRegion: 'US',
      principalNumber: 'main',
      allowedCountries: ['US', 'CA'],
    },
    numbers: {
      main: { number: '+12015550100', displayName: 'Main line', groups: ['support-agents'] },
      sales: { number: '+12015550101', displayName: 'Sales' },
    },
    queues: {
      support: { displayName: 'Support', agentGroup: 'support-agents', outboundCallerId: 'main' },
    },
    agentGroups: { 'support-agents': { displayName: 'Support agents', callerIdNumber: 'main' } },
    agents: { alice: { displayName: 'Alice', groups: ['support-agents'] } },
    hours: {
      business: {
        timeZone: 'America/New_York',
        weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '09:00', close: '17:00' }],
      },
    },
    prompts: { greeting: { text: 'Welcome to Example.' } },
  };
}

/** The other flows the block defaults refer to ("verify-caller" module, "agent-whisper" flow). */
export function sampleFlows(): Map<string, FlowSummary> {
  return new Map<string, FlowSummary>([
    ['verify-caller', { id: 'verify-caller', type: 'module', module: { inputs: {}, outputs: {} } }],
    ['agent-whisper', { id: 'agent-whisper', type: 'agent-whisper' }],
    ['support-queue', { id: 'support-queue', type: 'customer-queue' }],
  ]);
}

/** A sample flow test document. */
export function sampleFlowTest(): Record<string, unknown> {
  return {
    $schema: '../schemas/flow-test.schema.json',
    formatVersion: FORMAT_VERSION,
    flow: 'main',
    scenarios: [
      {
        name: 'caller hears the welcome',
        call: { from: '+12015550123', to: '+12015550100', at: '2026-03-02T10:00:00-05:00' },
        caller: [{ wait: 1 }, { press: '1' }],
        expect: { path: ['welcome', 'end'], end: 'disconnected' },
      },
    ],
  };
}
