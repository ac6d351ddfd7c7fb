import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Flow, Resources } from '@callflow/model';
import { type FlowTest, runScenario } from '@callflow/runtime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../test-support/flows.js';
import { SAMPLE_FLOWS, startTestService, type TestService } from '../test-support/temp-service.js';

const sample = <T>(name: string) => JSON.parse(readFileSync(join(SAMPLE_FLOWS, name), 'utf8')) as T;

let t: TestService;
beforeEach(async () => {
  t = await startTestService();
});
afterEach(async () => {
  await t.close();
});

/**
 * flows/callback-line: Set callback number -> Create callback -> Disconnect. The call ends in the very
 * step that asked for the callback; the service and `callflow test` must both place it.
 */
describe('a callback created in the step that ends the call', () => {
  it('is placed by the service, as the scenario runner reports it', async () => {
    // With the support queue's flows it needs (its outbound whisper runs when the callback is placed).
    await t.api().post('/api/flows/callback-line/publish').send({ withDependencies: true }).expect(201);
    const { body } = await t
      .api()
      .post('/api/contacts')
      .send({ flow: 'callback-line', from: '+12025550143', to: '+18005550100' })
      .expect(201);
    const ended = await eventually(
      () => t.api().get(`/api/contacts/${body.contactId}`),
      (r) => r.body.status === 'ended',
    );
    expect(ended.body.status).toBe('ended');
    const listed = await t.api().get('/api/callbacks').expect(200);
    const request = listed.body.find((c: { number: string }) => c.number === '+12025550143');
    expect(request).toMatchObject({ queue: 'support' });

    const available = await t
      .api()
      .post('/api/agents/alice.ng/state')
      .send({ state: 'Available' })
      .expect(200);
    expect(available.body.offer).toMatchObject({
      contactId: request.id,
      title: 'Callback',
      queue: 'support',
    });
    await t.api().post('/api/agents/alice.ng/accept').expect(200);

    // The same scenario on the simulator (what `callflow test` runs): offered to alice.ng, then connected.
    const test = sample<FlowTest>('callback-line.test.json');
    const result = runScenario({
      // Every sample flow: the callback runs the support queue's outbound whisper.
      flows: readdirSync(SAMPLE_FLOWS)
        .filter((name) => name.endsWith('.flow.json'))
        .map((name) => sample<Flow>(name)),
      resources: sample<Resources>('resources.json'),
      test,
      scenario: test.scenarios[0]!,
    });
    expect(result.failures).toEqual([]);
    expect(result.record.callbacks.map((c) => c.status)).toEqual(['connected']);
  });
});
