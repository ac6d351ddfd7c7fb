import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_PROMPT_AUDIO_BYTES } from '@callflow/model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { wavBytes } from '../test-support/audio.js';
import { startTestService, type TestService } from '../test-support/temp-service.js';

let t: TestService;
beforeEach(async () => {
  t = await startTestService();
});
afterEach(async () => {
  await t.close();
});

const upload = (file: string, bytes: Buffer, type = 'audio/wav', role: 'admin' | 'editor' = 'admin') =>
  t
    .api(role)
    .put(`/api/prompts/${encodeURIComponent(file)}`)
    .set('Content-Type', type)
    .send(bytes);

describe('prompt recordings', () => {
  it('stores an upload in prompts/ beside the flows and gives it back as it was', async () => {
    const bytes = wavBytes(1000);
    const res = await upload('welcome-2.wav', bytes).expect(201);
    expect(res.body).toEqual({ file: 'prompts/welcome-2.wav', bytes: 1000, type: 'wav' });
    expect(readFileSync(join(t.flowsDir, 'prompts', 'welcome-2.wav')).equals(bytes)).toBe(true);
    const back = await t.api('viewer').get('/api/prompts/welcome-2.wav').buffer(true).expect(200);
    expect(back.headers['content-type']).toBe('audio/wav');
    expect(Buffer.compare(back.body as Buffer, bytes)).toBe(0);
  });

  it('refuses what is not WAV or MP3, or not the type its name says, with a code; nothing is written', async () => {
    const html = await upload(
      'page.wav',
      Buffer.from('<html><script>alert(1)</script></html>'),
      'audio/wav',
    ).expect(415);
    expect(html.body).toMatchObject({
      code: 'unsupported_prompt_audio',
      details: { expected: 'wav', found: null },
    });
    const misnamed = await upload('music.mp3', wavBytes()).expect(415);
    expect(misnamed.body).toMatchObject({
      code: 'unsupported_prompt_audio',
      details: { expected: 'mp3', found: 'wav' },
    });
    const empty = await upload('nothing.wav', Buffer.alloc(0)).expect(415);
    expect(empty.body.code).toBe('unsupported_prompt_audio');
    expect(existsSync(join(t.flowsDir, 'prompts'))).toBe(false);
  });

  it('refuses a recording over the size limit with prompt_too_large', async () => {
    const res = await upload('long.wav', wavBytes(MAX_PROMPT_AUDIO_BYTES + 1)).expect(413);
    expect(res.body).toMatchObject({
      code: 'prompt_too_large',
      details: { maxBytes: MAX_PROMPT_AUDIO_BYTES },
    });
    expect(existsSync(join(t.flowsDir, 'prompts', 'long.wav'))).toBe(false);
  });

  it.each(['../resources.wav', '..%2Fresources.json', 'x.ogg', '.wav', 'a b.wav'])(
    'refuses the name %s without touching any path',
    async (name) => {
      const res = await t.api().put(`/api/prompts/${name}`).set('Content-Type', 'audio/wav').send(wavBytes());
      expect([400, 404]).toContain(res.status);
      if (res.status === 400) expect(res.body.code).toBe('invalid_prompt_file');
      expect(existsSync(join(t.flowsDir, 'prompts'))).toBe(false);
    },
  );

  it('is for admins, like the resources file; an unknown recording is prompt_file_not_found', async () => {
    const res = await upload('welcome-2.wav', wavBytes(), 'audio/wav', 'editor').expect(403);
    expect(res.body.code).toBe('forbidden');
    const missing = await t.api().get('/api/prompts/none.mp3').expect(404);
    expect(missing.body.code).toBe('prompt_file_not_found');
  });
});
