import express from 'express';
import request from 'supertest';
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { verifyTwilioSignature } from './signature.js';

// The worked example of Twilio's "Webhooks security" guide: auth token 12345.
const DOC_URL = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const DOC_PARAMS = {
  CallSid: 'CA1234567890ABCDE',
  Caller: '+12349013030',
  Digits: '1234',
  From: '+12349013030',
  To: '+18005551212',
};
const DOC_SIGNATURE = '0/KCTR6DLpKmkAf8muzZqo1nDgQ=';

function app(publicUrl: string) {
  const a = express();
  a.use(express.urlencoded({ extended: false }));
  a.post('/myapp.php', verifyTwilioSignature('12345', publicUrl), (_req, res) => {
    res.type('text/xml').send('<Response/>');
  });
  return a;
}

describe('X-Twilio-Signature', () => {
  it("accepts Twilio's documented example request", async () => {
    // Behind a proxy: express sees http://127.0.0.1/myapp.php, Twilio signed the public https URL.
    const res = await request(app('https://mycompany.com'))
      .post('/myapp.php?foo=1&bar=2')
      .type('form')
      .set('X-Twilio-Signature', DOC_SIGNATURE)
      .send(DOC_PARAMS);
    expect(res.status).toBe(200);
  });

  it('refuses a forged signature, a tampered parameter, another URL and a missing header', async () => {
    const post = (publicUrl: string, signature: string | undefined, params: Record<string, string>) => {
      const r = request(app(publicUrl)).post('/myapp.php?foo=1&bar=2').type('form');
      return (signature ? r.set('X-Twilio-Signature', signature) : r).send(params);
    };
    const forged = await post('https://mycompany.com', 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=', DOC_PARAMS);
    expect(forged.status).toBe(403);
    expect(forged.body.code).toBe('invalid_signature');
    expect(
      (await post('https://mycompany.com', DOC_SIGNATURE, { ...DOC_PARAMS, Digits: '9999' })).status,
    ).toBe(403);
    expect((await post('https://attacker.example', DOC_SIGNATURE, DOC_PARAMS)).status).toBe(403);
    expect((await post('https://mycompany.com', undefined, DOC_PARAMS)).status).toBe(403);
  });

  it('uses the same algorithm as the documented vector', () => {
    expect(twilio.getExpectedTwilioSignature('12345', DOC_URL, DOC_PARAMS)).toBe(DOC_SIGNATURE);
  });
});
