import { describe, expect, it } from 'vitest';
import { block, flow } from '../engine/test-support/fixtures.js';
import { end, run } from './test-support/run-block.js';

/** A module returning `outputs`, its output declared an integer, called by an inbound flow. */
function call(outputs: Record<string, unknown>) {
  const module = flow(
    'give',
    'module',
    'back',
    { back: block('return', { outputs }) },
    { module: { outputs: { result: { type: 'integer' } } } },
  );
  const main = flow(
    'main',
    'inbound',
    'call',
    {
      call: block(
        'invokeModule',
        { module: 'give', outputs: { result: 'answer' } },
        { success: 'bye', error: 'bye' },
      ),
      bye: end(),
    },
    { variables: { answer: { type: 'integer', default: 0 } } },
  );
  return run(main, { flows: [module] });
}

describe('return', () => {
  it('ends the module with its outputs converted to their declared types', () => {
    const { sim, id, outcome } = call({ result: { value: '42' } });
    expect(outcome('call')).toBe('success');
    expect(sim.snapshot(id)?.variables.answer).toBe(42);
  });

  it('drops an output that does not fit its type, with the reason in the trace', () => {
    const { sim, id, outcome } = call({ result: { value: 'forty-two' } });
    expect(outcome('call')).toBe('success');
    expect(sim.snapshot(id)?.variables.answer).toBeUndefined();
    expect(sim.trace(id).find((t) => t.block === 'back')?.note).toContain('output result dropped');
  });
});
