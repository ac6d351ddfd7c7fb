import supertest from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { wavBytes } from '../test-support/audio.js';
import type { TestService } from '../test-support/temp-service.js';
import { SALES_NUMBER, startTwilioService } from '../test-support/twilio-service.js';

let running: TestService | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** The sales welcome becomes an uploaded recording, said with a chosen voice where no recording plays. */
async function withRecording(svc: TestService, bytes: Buffer) {
  await svc
    .api()
    .put('/api/prompts/sales-welcome.wav')
    .set('Content-Type', 'audio/wav')
    .send(bytes)
    .expect(201);
  const current = await svc.api().get('/api/resources').expect(200);
  const resources = current.body.resources;
  resources.prompts['sales-welcome'].audioFile = 'prompts/sales-welcome.wav';
  resources.prompts['sales-menu'].voice = 'Polly.Joanna';
  await svc.api().put('/api/resources').set('If-Match', current.body.etag).send(resources).expect(200);
}

describe('prompt recordings on Twilio', { timeout: 60_000 }, () => {
  it('plays an uploaded recording from a signed URL of the service that only that URL opens', async () => {
    const { svc, fake } = await startTwilioService({ at: '2026-03-09T15:00:00Z' });
    running = svc;
    const bytes = wavBytes(2000);
    await withRecording(svc, bytes);

    const contact = await fake.incomingCall('+16175550142', SALES_NUMBER);
    await fake.settle(20);
    const twiml = fake.transcript(contact);
    const play = /<Play>([^<]+)<\/Play>/.exec(twiml)?.[1]?.replaceAll('&amp;', '&');
    expect(play).toMatch(/^https:\/\/voice\.example\.com\/twilio\/prompts\/sales-welcome\.wav\?sig=.+/);
    expect(twiml).not.toContain('Thank you for calling Northwind Outfitters sales.');
    expect(twiml).toContain('voice="Polly.Joanna"');

    const get = (path: string) =>
      supertest(svc.service.app).get(path).set('Host', 'voice.example.com').buffer(true);
    const path = new URL(play ?? '').pathname + new URL(play ?? '').search;
    const fetched = await get(path).expect(200);
    expect(fetched.headers['content-type']).toBe('audio/wav');
    expect(Buffer.compare(fetched.body as Buffer, bytes)).toBe(0);

    // Without the signature, with another's, or with a forged one: refused; no token of ours opens it either.
    const sig = new URL(play ?? '').searchParams.get('sig') ?? '';
    await get('/twilio/prompts/sales-welcome.wav').expect(403);
    await get(`/twilio/prompts/other.wav?sig=${encodeURIComponent(sig)}`).expect(403);
    await get(`/twilio/prompts/sales-welcome.wav?sig=${encodeURIComponent(`x${sig.slice(1)}`)}`).expect(403);
  });
});
