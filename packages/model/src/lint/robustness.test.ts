import { describe, expect, it } from 'vitest';
import { BLOCKS } from '../blocks/index.js';
import { FLOW_TYPES, type Flow } from '../flow.js';
import { PROBLEM_CODES } from '../problems.js';
import { everyBlockFlow, sampleFlows, sampleResources } from '../test-support/flows.js';
import { validateFlowSchema } from '../validate.js';
import { lintFlow } from './index.js';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function mutate(flow: Flow, next: () => number): Flow {
  const copy = structuredClone(flow);
  const ids = Object.keys(copy.blocks);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  for (let step = 0; step < 4; step++) {
    const id = pick(ids);
    const block = copy.blocks[id]!;
    switch (Math.floor(next() * 6)) {
      case 0:
        copy.type = pick(FLOW_TYPES);
        break;
      case 1:
        if (block.next) {
          const outcome = pick(Object.keys(block.next));
          if (outcome !== undefined) block.next[outcome] = pick([...ids, 'nowhere']);
        }
        break;
      case 2:
        delete block.next;
        break;
      case 3:
        copy.start = pick([...ids, 'nowhere']);
        break;
      case 4:
        copy.blocks[`copy-${step}`] = structuredClone(copy.blocks[pick(ids)]!);
        break;
      default:
        copy.blocks[id] = { ...structuredClone(pick(BLOCKS).defaults()), type: pick(BLOCKS).type } as never;
    }
  }
  return copy;
}

describe('lint robustness', () => {
  const context = { resources: sampleResources(), flows: sampleFlows() };

  it.each(everyBlockFlow())(
    'a $blockType flow with palette defaults lints without errors',
    ({ blockType, flow }) => {
      expect(validateFlowSchema(flow)).toEqual([]);
      const errors = lintFlow(flow, context).filter((p) => p.severity === 'error');
      // A transfer to the working queue as the first block has no Set working queue before it.
      expect(errors.map((p) => p.code)).toEqual(blockType === 'transferToQueue' ? ['CF600'] : []);
    },
  );

  it('never throws on mutated flows, and every problem is well formed', () => {
    const next = random(20261120);
    const flows = everyBlockFlow().map((f) => f.flow);
    for (let round = 0; round < 300; round++) {
      const flow = mutate(flows[round % flows.length]!, next);
      const problems = lintFlow(flow, context);
      for (const p of problems) {
        expect(Object.hasOwn(PROBLEM_CODES, p.code)).toBe(true);
        expect(p.path === '' || p.path.startsWith('/')).toBe(true);
        expect(p.message).not.toMatch(/undefined|\[object Object\]/);
        if (p.blockId !== undefined) {
          expect(Object.hasOwn(flow.blocks, p.blockId) || Object.hasOwn(flow.layout ?? {}, p.blockId)).toBe(
            true,
          );
        }
      }
    }
  });
});
