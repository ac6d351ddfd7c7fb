import {
  chmodSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../test-support/temp-service.js';
import { isTempFile, removeStaleTempFiles } from './temp-files.js';

let t: TestService | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await t?.close();
  t = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('saving through the API', () => {
  it('keeps the mode of a flow file an admin restricted (0600) and leaves no temp file', async () => {
    t = await startTestService();
    const path = join(t.flowsDir, 'support-inbound.flow.json');
    chmodSync(path, 0o600);
    const { body } = await t.api().get('/api/flows/support-inbound').expect(200);
    await t
      .api()
      .put('/api/flows/support-inbound')
      .set('If-Match', body.etag)
      .send({ ...body.flow, name: 'Support, restricted' })
      .expect(200);
    expect(JSON.parse(readFileSync(path, 'utf8')).name).toBe('Support, restricted');
    expect(modeOf(path)).toBe(0o600);
    expect(readdirSync(t.flowsDir).filter(isTempFile)).toEqual([]);
  });

  it('keeps the mode of the resources file too', async () => {
    t = await startTestService();
    const path = join(t.flowsDir, 'resources.json');
    chmodSync(path, 0o640);
    const { body } = await t.api().get('/api/resources').expect(200);
    await t
      .api()
      .put('/api/resources')
      .set('If-Match', body.etag)
      .send({ ...body.resources, account: { ...body.resources.account, name: 'Restricted' } })
      .expect(200);
    expect(modeOf(path)).toBe(0o640);
  });
});

describe('temp files a crash during a save left', () => {
  const old = (path: string) => {
    const then = new Date(Date.now() - 10 * 60_000);
    utimesSync(path, then, then);
  };

  it('are removed when the service starts: ours only, and only when older than a moment', async () => {
    const work = mkdtempSync(join(tmpdir(), 'callflow-temp-files-'));
    dirs.push(work);
    t = await startTestService({ workDir: work });
    await t.close();
    t = undefined;
    const flows = join(work, 'flows');
    const stale = ['support-inbound.flow.json.2819405871', '.sales-inbound.flow.json.1f2e3d4c5b6a.tmp'];
    const fresh = 'after-hours.flow.json.3141592653'; // a save in progress elsewhere (the CLI)
    const notOurs = ['notes.txt.12', 'draft.tmp', 'backup.flow.json.orig'];
    for (const name of [...stale, fresh, ...notOurs]) writeFileSync(join(flows, name), '{"half":');
    for (const name of [...stale, ...notOurs]) old(join(flows, name));
    t = await startTestService({ workDir: work });
    const left = readdirSync(flows);
    for (const name of stale) expect(left).not.toContain(name);
    for (const name of [fresh, ...notOurs]) expect(left).toContain(name);
    // The flows themselves are untouched and still listed.
    const ids = (await t.api().get('/api/flows').expect(200)).body.map((f: { id: string }) => f.id);
    expect(ids).toContain('support-inbound');
  });

  it('match the names write-file-atomic and the earlier writer use, nothing else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'callflow-temp-names-'));
    dirs.push(dir);
    expect(isTempFile('resources.json.7')).toBe(true);
    expect(isTempFile('.a.flow.json.1f2e3d.tmp')).toBe(true);
    expect(isTempFile('.a.flow.json.4242.1f2e3d4c.tmp')).toBe(true); // the CLI's former names
    expect(isTempFile('a.flow.json')).toBe(false);
    expect(isTempFile('a.flow.json.bak')).toBe(false);
    expect(isTempFile('.gitignore')).toBe(false);
    writeFileSync(join(dir, 'a.flow.json.12'), 'x');
    expect(await removeStaleTempFiles(dir, 60_000, Date.now())).toEqual([]);
    expect(await removeStaleTempFiles(dir, 60_000, Date.now() + 61_000)).toEqual(['a.flow.json.12']);
  });
});
