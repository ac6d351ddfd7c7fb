import { BLOCK_TYPES } from '@callflow/model';
import { describe, expect, it } from 'vitest';
import type { BehaviourRegistry, BlockBehaviour } from '../blocks/behaviour.js';
import { BEHAVIOURS } from '../blocks/index.js';
import { createContactEngine } from './contact-engine.js';
import { flowSource } from './flow-source.js';
import { block, flow, resources } from './test-support/fixtures.js';

describe('createContactEngine', () => {
  it('runs the behaviours it is given, not a table the engine imports', () => {
    const spoken: string[] = [];
    const playPrompt: BlockBehaviour = {
      type: 'playPrompt',
      enter(ctx) {
        spoken.push(ctx.blockId);
        return { outcome: 'success' };
      },
    };
    const behaviours: BehaviourRegistry = { ...BEHAVIOURS, playPrompt };
    const f = flow('f', 'inbound', 'hello', {
      hello: block('playPrompt', { prompt: { text: 'hi' } }, { success: 'bye' }),
      bye: block('disconnect'),
    });
    const env = { flows: flowSource([f]), resources: resources(), now: () => 0 };
    const started = createContactEngine(behaviours).startContact(env, {
      contactId: 'c1',
      flowId: 'f',
      dialedNumber: '+12015550100',
    });
    expect(spoken).toEqual(['hello']);
    expect(started.commands.some((c) => c.type === 'play')).toBe(false);
    expect(started.snapshot.status).toBe('ended');
    expect(Object.keys(behaviours)).toHaveLength(BLOCK_TYPES.length);
  });
});
