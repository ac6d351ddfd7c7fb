import { describe, expect, it } from 'vitest';
import { block, flow, say } from '../engine/test-support/fixtures.js';
import { end, run } from './test-support/run-block.js';

describe('invokeModule', () => {
  const module = flow(
    'double',
    'module',
    'back',
    { back: block('return', { outputs: { result: { variable: 'n' } } }) },
    {
      module: {
        inputs: { n: { type: 'integer', required: true } },
        outputs: { result: { type: 'integer' } },
      },
    },
  );
  const caller = (inputs: Record<string, unknown>) =>
    flow(
      'main',
      'inbound',
      'call',
      {
        call: block(
          'invokeModule',
          { module: 'double', inputs, outputs: { result: 'answer' } },
          { success: 'bye', error: 'bye' },
        ),
        bye: end(),
      },
      { variables: { answer: { type: 'integer' } } },
    );
  it('passes inputs in its own scope and copies outputs back', () => {
    const { sim, id, outcome } = run(caller({ n: { value: '21' } }), { flows: [module] });
    expect(outcome('call')).toBe('success');
    expect(sim.snapshot(id)?.variables.answer).toBe(21);
    expect(sim.snapshot(id)?.variables.n).toBeUndefined();
  });
  it('takes error when a required input is missing or the module is not published', () => {
    expect(run(caller({}), { flows: [module] }).outcome('call')).toBe('error');
    expect(run(caller({ n: { value: 1 } })).outcome('call')).toBe('error');
  });
  it('takes error when the module ends without Return', () => {
    const broken = flow(
      'double',
      'module',
      'say',
      { say: block('playPrompt', say('Hi.'), {}) },
      { module: { inputs: { n: { type: 'integer' } } } },
    );
    const { sim, outcome } = run(caller({ n: { value: 1 } }), { flows: [broken] });
    sim.advance(5);
    expect(outcome('call')).toBe('error');
  });
});
