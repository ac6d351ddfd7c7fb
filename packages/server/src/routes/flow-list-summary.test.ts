import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Flow, summarizeFlow } from '@callflow/model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../test-support/temp-service.js';

let t: TestService;
beforeEach(async () => {
  t = await startTestService();
});
afterEach(async () => {
  await t.close();
});

type Item = { id: string; summary: unknown };

describe('GET /api/flows summaries', () => {
  it('gives each flow the summary lint needs: module interface and invoked modules', async () => {
    const res = await t.api().get('/api/flows').expect(200);
    const byId = new Map((res.body as Item[]).map((f) => [f.id, f.summary]));
    const module = JSON.parse(readFileSync(join(t.flowsDir, 'verify-caller.flow.json'), 'utf8')) as Flow;
    expect(byId.get('verify-caller')).toEqual(summarizeFlow(module));
    expect(byId.get('verify-caller')).toMatchObject({ type: 'module', module: module.module });
    expect(byId.get('support-inbound')).toMatchObject({
      id: 'support-inbound',
      type: 'inbound',
      invokes: expect.arrayContaining(['after-hours', 'verify-caller']),
    });
  });

  it('gives a file that is not JSON a null summary and keeps listing it', async () => {
    writeFileSync(join(t.flowsDir, 'support-inbound.flow.json'), '{ "id": <<<<<<< HEAD');
    const res = await t.api().get('/api/flows').expect(200);
    const broken = (res.body as Item[]).find((f) => f.id === 'support-inbound');
    expect(broken).toMatchObject({ summary: null });
  });
});
