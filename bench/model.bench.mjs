// Model budget (docs/architecture.md#budgets): validate + lint 1,000 blocks in under 20 ms. The flow is generated from
// the catalog (every block type an inbound flow allows, with its palette defaults, wired in a chain), and
// linted against resources that define what the defaults refer to, so every rule does its real work.
import {
  BLOCKS,
  checkFlowText,
  FORMAT_VERSION,
  formatFlow,
  lintFlow,
  validateFlowSchema,
} from '@callflow/model';

const BLOCK_COUNT = 1000;
const WARM_UP = 5;
const RUNS = 40;
const BUDGET_MS = 20;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function measure(fn) {
  for (let i = 0; i < WARM_UP; i++) fn();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(times);
}

/** A chain of BLOCK_COUNT blocks cycling through the inbound catalog, wired outcome by outcome. */
export function generatedFlow(count = BLOCK_COUNT) {
  const types = BLOCKS.filter((b) => b.flowTypes.includes('inbound') && !b.terminal);
  const blocks = {};
  const layout = {};
  const variables = {};
  for (let i = 0; i < count; i++) {
    const id = `b${i}`;
    const last = i === count - 1;
    const definition = last ? BLOCKS.find((b) => b.type === 'disconnect') : types[i % types.length];
    const settings = definition.defaults();
    const block = { type: definition.type, settings };
    if (!last) {
      // Errors go to the final block, as an error handler would; every other outcome goes on.
      block.next = Object.fromEntries(
        definition
          .outcomes(settings)
          .map((o) => [o.name, o.name === 'error' ? `b${count - 1}` : `b${i + 1}`]),
      );
    }
    for (const ref of definition.references(settings)) {
      if ((ref.kind === 'variable' || ref.kind === 'writableVariable') && !ref.name.startsWith('$')) {
        variables[ref.name] = { type: 'string' };
      }
    }
    blocks[id] = block;
    layout[id] = { x: (i % 20) * 240, y: Math.floor(i / 20) * 160 };
  }
  return {
    $schema: '../schemas/flow.schema.json',
    formatVersion: FORMAT_VERSION,
    id: 'bench',
    name: 'Benchmark flow',
    type: 'inbound',
    start: 'b0',
    variables,
    blocks,
    layout,
  };
}

const resources = {
  formatVersion: FORMAT_VERSION,
  account: { defaultRegion: 'US', principalNumber: 'main', allowedCountries: ['US'] },
  numbers: { main: { number: '+12015550100', displayName: 'Main line' } },
  queues: { support: { displayName: 'Support', agentGroup: 'support-agents' } },
  agentGroups: { 'support-agents': { displayName: 'Support agents' } },
  agents: {},
  hours: {
    business: { timeZone: 'America/New_York', weekly: [{ days: ['mon'], open: '09:00', close: '17:00' }] },
  },
  prompts: {},
};
const flows = new Map([
  ['verify-caller', { id: 'verify-caller', type: 'module', module: { inputs: {}, outputs: {} } }],
  ['agent-whisper', { id: 'agent-whisper', type: 'agent-whisper' }],
]);

export async function run() {
  const flow = generatedFlow();
  const schemaProblems = validateFlowSchema(flow);
  if (schemaProblems.length > 0)
    throw new Error(`generated flow fails the schema: ${schemaProblems[0].message}`);
  const context = { resources, flows };
  const lintProblems = lintFlow(flow, context).length;
  const text = formatFlow(flow);
  // Steady state: every function measured below is compiled by the JIT before any timing starts
  // (otherwise the first measurement pays for optimising all of them).
  for (let i = 0; i < WARM_UP; i++) {
    validateFlowSchema(flow);
    lintFlow(flow, context);
    checkFlowText(text, { ...context, file: 'bench.flow.json' });
    formatFlow(flow);
  }

  const both = measure(() => {
    validateFlowSchema(flow);
    lintFlow(flow, context);
  });
  const schemaOnly = measure(() => validateFlowSchema(flow));
  const lintOnly = measure(() => lintFlow(flow, context));
  const fromText = measure(() => checkFlowText(text, { ...context, file: 'bench.flow.json' }));
  const format = measure(() => formatFlow(flow));
  const kib = Math.round(text.length / 1024);
  return {
    title: `Model: validate and lint a ${BLOCK_COUNT}-block flow`,
    rows: [
      {
        metric: `validate + lint, ${BLOCK_COUNT} blocks (median of ${RUNS})`,
        value: both,
        unit: 'ms',
        budget: BUDGET_MS,
        ok: both <= BUDGET_MS,
        note: `${BLOCKS.length} block types cycled, ${lintProblems} lint problems reported`,
      },
      { metric: 'schema validation only', value: schemaOnly, unit: 'ms' },
      { metric: 'lint only', value: lintOnly, unit: 'ms' },
      {
        metric: `checkFlowText from ${kib} KiB of text (parse, migrate, schema, lint, locate)`,
        value: fromText,
        unit: 'ms',
      },
      { metric: 'formatFlow (canonical text)', value: format, unit: 'ms' },
    ],
  };
}
