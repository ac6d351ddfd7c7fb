import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../test-support/temp-service.js';

let t: TestService;
beforeEach(async () => {
  t = await startTestService();
});
afterEach(async () => {
  await t.close();
});

/** Every file of the flows directory and its bytes. */
function snapshot(): Record<string, string> {
  return Object.fromEntries(
    readdirSync(t.flowsDir)
      .sort()
      .map((file) => [file, readFileSync(join(t.flowsDir, file), 'utf8')]),
  );
}

/** `git diff --numstat`-like view of what changed between two snapshots: file -> changed line pairs. */
function changedLines(before: Record<string, string>, after: Record<string, string>) {
  const out: Record<string, [string, string][]> = {};
  for (const file of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = (before[file] ?? '').split('\n');
    const b = (after[file] ?? '').split('\n');
    if (before[file] === after[file]) continue;
    expect(b.length, `${file} keeps its line count`).toBe(a.length);
    out[file] = a.flatMap((line, i) =>
      line === b[i] ? [] : [[line.trim(), b[i]!.trim()] as [string, string]],
    );
  }
  return out;
}

async function preview(kind: string, name: string, to: string) {
  const res = await t.api().post(`/api/resources/${kind}/${name}/rename-preview`).send({ to }).expect(200);
  return res.body as {
    files: { file: string; etag: string; before: string; after: string; edits: unknown[] }[];
  };
}

const etagsOf = (plan: { files: { file: string; etag: string }[] }) =>
  Object.fromEntries(plan.files.map((f) => [f.file, f.etag]));

describe('where used', () => {
  it('lists every block, resource setting and flow test that names a queue', async () => {
    const res = await t.api('viewer').get('/api/resources/queue/support/usages').expect(200);
    expect(res.body.unreadable).toEqual([]);
    const places = res.body.usages.map((u: { file: string; path: string }) => `${u.file}#${u.path}`);
    expect(places).toEqual(
      expect.arrayContaining([
        'after-hours.flow.json#/blocks/create-callback/settings/queue',
        'callback-line.flow.json#/blocks/create-callback/settings/queue',
        'support-inbound.flow.json#/blocks/queue-support/settings/queue',
        'resources.json#/agents/alice.ng/defaultOutboundQueue',
        'callback-line.test.json#/scenarios/0/expect/callback/queue',
        'support-inbound.test.json#/scenarios/1/expect/queue',
      ]),
    );
    // Exactly the places the files name it: every "queue": "support" line of the flows directory.
    const files = snapshot();
    const lines = Object.entries(files).flatMap(([file, text]) =>
      text
        .split('\n')
        .filter((l) => /"(queue|defaultOutboundQueue)": "support"/.test(l))
        .map(() => file),
    );
    expect(res.body.usages.map((u: { file: string }) => u.file).sort()).toEqual(lines.sort());
    const block = res.body.usages.find((u: { file: string }) => u.file === 'support-inbound.flow.json');
    expect(block).toMatchObject({ flowId: 'support-inbound', blockType: expect.any(String), via: 'queue' });
  });

  it('lists the uses of a flow: queues and blocks', async () => {
    const res = await t.api().get('/api/flows/support-queue/usages').expect(200);
    const places = res.body.usages.map((u: { path: string }) => u.path);
    expect(places).toEqual(
      expect.arrayContaining(['/queues/support/customerQueueFlow', '/queues/billing/customerQueueFlow']),
    );
  });

  it('answers coded errors for an unknown kind, entry or flow', async () => {
    expect((await t.api().get('/api/resources/queues/support/usages').expect(400)).body.code).toBe(
      'invalid_resource_kind',
    );
    expect((await t.api().get('/api/resources/queue/nope/usages').expect(404)).body.code).toBe(
      'resource_not_found',
    );
    expect((await t.api().get('/api/resources/queue/constructor/usages').expect(404)).body.code).toBe(
      'resource_not_found',
    );
    expect((await t.api().get('/api/flows/nope/usages').expect(404)).body.code).toBe('flow_not_found');
  });
});

describe('rename', () => {
  it('previews every file and writes nothing; applying changes exactly the names, all files', async () => {
    const before = snapshot();
    const uses = (await t.api().get('/api/resources/queue/support/usages').expect(200)).body.usages;
    const plan = await preview('queue', 'support', 'tech-support');
    expect(snapshot()).toEqual(before);
    const usingFiles = [...new Set(['resources.json', ...uses.map((u: { file: string }) => u.file)])];
    expect(usingFiles).toEqual(
      expect.arrayContaining(['support-inbound.flow.json', 'support-inbound.test.json']),
    );
    expect(plan.files.map((f) => f.file).sort()).toEqual(usingFiles.sort());
    for (const f of plan.files) expect(f.before).toBe(before[f.file]);

    const res = await t
      .api()
      .post('/api/resources/queue/support/rename')
      .send({ to: 'tech-support', etags: etagsOf(plan) })
      .expect(200);
    const after = snapshot();
    for (const f of plan.files) expect(after[f.file]).toBe(f.after);
    const changes = changedLines(before, after);
    expect(Object.keys(changes).sort()).toEqual(plan.files.map((f) => f.file).sort());
    for (const [file, pairs] of Object.entries(changes)) {
      for (const [old, now] of pairs) {
        // The sorted resources file moves the entry: every other changed line is the name itself.
        if (file === 'resources.json' && !old.includes('"support"')) continue;
        expect(now, `${file}: ${old}`).toBe(old.replace('"support"', '"tech-support"'));
      }
    }
    expect(res.body.files.map((f: { file: string }) => f.file).sort()).toEqual(Object.keys(changes).sort());
    // The service reads what it wrote: the old name is used nowhere, the new one in the same places.
    const resources = (await t.api().get('/api/resources').expect(200)).body.resources;
    expect(resources.queues.support).toBeUndefined();
    expect(resources.queues['tech-support'].displayName).toBe('Technical support');
    const newUses = (await t.api().get('/api/resources/queue/tech-support/usages').expect(200)).body.usages;
    expect(newUses.map((u: { path: string }) => u.path)).toEqual(uses.map((u: { path: string }) => u.path));
    expect((await t.api().get('/api/resources/queue/support/usages').expect(404)).body.code).toBe(
      'resource_not_found',
    );
    const flow = (await t.api().get('/api/flows/support-inbound').expect(200)).body;
    expect(flow.etag).toBe(
      res.body.files.find((f: { file: string }) => f.file === 'support-inbound.flow.json').etag,
    );
  });

  it('writes nothing when any file changed since the preview (412 rename_conflict)', async () => {
    const plan = await preview('queue', 'support', 'tech-support');
    const edited = readFileSync(join(t.flowsDir, 'callback-line.flow.json'), 'utf8').replace(
      '"name": "',
      '"name": "Edited ',
    );
    writeFileSync(join(t.flowsDir, 'callback-line.flow.json'), edited);
    const before = snapshot();
    const res = await t
      .api()
      .post('/api/resources/queue/support/rename')
      .send({ to: 'tech-support', etags: etagsOf(plan) })
      .expect(412);
    expect(res.body.code).toBe('rename_conflict');
    expect(res.body.details.conflicts).toEqual([
      expect.objectContaining({
        file: 'callback-line.flow.json',
        expected: etagsOf(plan)['callback-line.flow.json'],
      }),
    ]);
    expect(snapshot()).toEqual(before);
  });

  it('refuses a use added since the preview, and a missing etag list', async () => {
    const plan = await preview('prompt', 'goodbye', 'farewell');
    const etags = etagsOf(plan);
    const someFile = Object.keys(etags).find((f) => f.endsWith('.flow.json'))!;
    delete etags[someFile];
    const before = snapshot();
    const res = await t
      .api()
      .post('/api/resources/prompt/goodbye/rename')
      .send({ to: 'farewell', etags })
      .expect(412);
    expect(res.body.details.conflicts).toEqual([expect.objectContaining({ file: someFile, expected: null })]);
    await t.api().post('/api/resources/prompt/goodbye/rename').send({ to: 'farewell' }).expect(428);
    expect(snapshot()).toEqual(before);
  });

  it('lets one of two simultaneous renames win; the other writes nothing', async () => {
    const plan = await preview('queue', 'billing', 'billing-us');
    const planB = await preview('queue', 'billing', 'billing-eu');
    const [a, b] = await Promise.all([
      t
        .api()
        .post('/api/resources/queue/billing/rename')
        .send({ to: 'billing-us', etags: etagsOf(plan) }),
      t
        .api()
        .post('/api/resources/queue/billing/rename')
        .send({ to: 'billing-eu', etags: etagsOf(planB) }),
    ]);
    // The loser finds either the files changed under it (412) or the queue gone (404): never both written.
    expect([a.status, b.status]).toContain(200);
    expect([404, 412]).toContain(a.status === 200 ? b.status : a.status);
    const queues = JSON.parse(readFileSync(join(t.flowsDir, 'resources.json'), 'utf8')).queues;
    const winner = a.status === 200 ? 'billing-us' : 'billing-eu';
    expect(Object.keys(queues)).toContain(winner);
    expect(Object.keys(queues)).not.toContain(winner === 'billing-us' ? 'billing-eu' : 'billing-us');
    expect(readFileSync(join(t.flowsDir, 'support-inbound.flow.json'), 'utf8')).toContain(
      `"queue": "${winner}"`,
    );
  });

  it('refuses bad, taken and unknown names with codes; viewers and editors may not rename', async () => {
    const post = (name: string, to: string) =>
      t.api().post(`/api/resources/queue/${name}/rename-preview`).send({ to });
    expect((await post('support', 'bad name').expect(400)).body.code).toBe('invalid_resource_name');
    expect((await post('support', 'sales').expect(409)).body.code).toBe('resource_name_taken');
    expect((await post('nope', 'other').expect(404)).body.code).toBe('resource_not_found');
    expect(
      (await t.api().post('/api/resources/queue/support/rename-preview').send({ to: 5 }).expect(400)).body
        .code,
    ).toBe('invalid_body');
    await t.api('editor').post('/api/resources/queue/support/rename-preview').send({ to: 'x' }).expect(403);
    await t
      .api('viewer')
      .post('/api/resources/queue/support/rename')
      .send({ to: 'x', etags: {} })
      .expect(403);
  });

  it('the renamed center still passes its scenario tests in git terms: git diff shows only the name', async () => {
    execFileSync('git', ['init', '-q'], { cwd: t.flowsDir });
    execFileSync('git', ['add', '.'], { cwd: t.flowsDir });
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'base'], {
      cwd: t.flowsDir,
    });
    const plan = await preview('number', 'main', 'main-line');
    await t
      .api()
      .post('/api/resources/number/main/rename')
      .send({ to: 'main-line', etags: etagsOf(plan) })
      .expect(200);
    const diff = execFileSync('git', ['diff', '-U0', '--no-color'], { cwd: t.flowsDir, encoding: 'utf8' });
    const changed = diff.split('\n').filter((l) => /^[-+]\s/.test(l));
    for (const line of changed) expect(line).toMatch(/"main(-line)?"|"main(-line)?": \{/);
    expect(changed.filter((l) => l.startsWith('+')).length).toBe(
      changed.filter((l) => l.startsWith('-')).length,
    );
  });
});

describe('delete', () => {
  it('refuses to delete a used number, listing its users; force deletes it', async () => {
    const { etag } = (await t.api().get('/api/resources').expect(200)).body;
    const before = snapshot();
    const res = await t.api().delete('/api/resources/number/support').set('If-Match', etag).expect(409);
    expect(res.body.code).toBe('resource_in_use');
    expect(res.body.details.usages.map((u: { path: string }) => u.path)).toEqual(
      expect.arrayContaining(['/queues/support/outboundCallerId', '/agents/alice.ng/defaultNumber']),
    );
    expect(snapshot()).toEqual(before);
    await t.api().delete('/api/resources/number/support').expect(428);
    await t.api().delete('/api/resources/number/support?force=maybe').set('If-Match', etag).expect(400);
    const forced = await t
      .api()
      .delete('/api/resources/number/support?force=true')
      .set('If-Match', etag)
      .expect(200);
    const resources = (await t.api().get('/api/resources').expect(200)).body;
    expect(resources.etag).toBe(forced.body.etag);
    expect(resources.resources.numbers.support).toBeUndefined();
    expect(resources.resources.numbers.main).toBeDefined();
  });

  it('deletes an unused entry without asking, with If-Match', async () => {
    const current = (await t.api().get('/api/resources').expect(200)).body;
    current.resources.prompts['unused-note'] = { text: 'Nobody plays this.' };
    const saved = await t
      .api()
      .put('/api/resources')
      .set('If-Match', current.etag)
      .send(current.resources)
      .expect(200);
    expect((await t.api().get('/api/resources/prompt/unused-note/usages').expect(200)).body.usages).toEqual(
      [],
    );
    const stale = await t
      .api()
      .delete('/api/resources/prompt/unused-note')
      .set('If-Match', current.etag)
      .expect(412);
    expect(stale.body.code).toBe('version_mismatch');
    await t.api().delete('/api/resources/prompt/unused-note').set('If-Match', saved.body.etag).expect(200);
    const prompts = JSON.parse(readFileSync(join(t.flowsDir, 'resources.json'), 'utf8')).prompts;
    expect(prompts['unused-note']).toBeUndefined();
    expect(prompts.goodbye).toBeDefined();
  });

  it('refuses to delete a flow others use (flow_in_use) unless forced', async () => {
    const { etag } = (await t.api().get('/api/flows/support-queue').expect(200)).body;
    const res = await t.api().delete('/api/flows/support-queue').set('If-Match', etag).expect(409);
    expect(res.body.code).toBe('flow_in_use');
    expect(res.body.details.usages.length).toBeGreaterThan(0);
    expect(snapshot()['support-queue.flow.json']).toBeDefined();
    await t.api().delete('/api/flows/support-queue?force=true').set('If-Match', etag).expect(204);
    expect(snapshot()['support-queue.flow.json']).toBeUndefined();
  });
});
