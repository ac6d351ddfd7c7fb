import { Writable } from 'node:stream';
import pino from 'pino';
import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { createService } from '../service.js';
import { SECRET_PIN } from '../test-support/flows.js';
import { startTestService, TOKENS } from '../test-support/temp-service.js';
import { createLogger, redactUrl } from './logger.js';

function capture(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

describe('logs', () => {
  it('censors tokens, authorization headers and variable values', () => {
    const out = capture();
    const logger = createLogger({ level: 'info', destination: out.stream });
    logger.info(
      {
        req: { headers: { authorization: 'Bearer s3cret-token' } },
        token: 's3cret-token',
        contact: { variables: { pin: SECRET_PIN } },
      },
      'hello',
    );
    expect(out.text()).toContain('hello');
    expect(out.text()).not.toContain('s3cret-token');
    expect(out.text()).not.toContain(SECRET_PIN);
  });

  it('drops ?token= from logged URLs', () => {
    expect(redactUrl('/api/events?token=abc&x=1')).toBe('/api/events?token=[redacted]&x=1');
  });

  it.each([
    ['percent-encoded', '/api/events?%74oken=abc', '/api/events?%74oken=[redacted]'],
    ['upper case', '/api/events?TOKEN=abc&x=1', '/api/events?TOKEN=[redacted]&x=1'],
    ['fully encoded, mixed case', '/api/x?a=1&%54o%4B%65n=abc', '/api/x?a=1&%54o%4B%65n=[redacted]'],
    ['plus-encoded space around it', '/api/x?+token+=abc', '/api/x?+token+=[redacted]'],
    ['access_token', '/api/x?access_token=abc', '/api/x?access_token=[redacted]'],
    ['a name that does not decode', '/api/x?%E0%A4%A=abc&y=2', '/api/x?[redacted]&y=2'],
    ['a repeated parameter', '/api/x?token=a&token=b', '/api/x?token=[redacted]&token=[redacted]'],
  ])('drops a token parameter however it is spelled (%s)', (_why, url, logged) => {
    expect(redactUrl(url)).toBe(logged);
    expect(redactUrl(url)).not.toContain('abc');
  });

  it('never writes a presented token into the request log', async () => {
    const base = await startTestService();
    await base.close();
    const out = capture();
    const service = await createService(base.config, { logger: pino({ level: 'debug' }, out.stream) });
    try {
      await supertest(service.app)
        .get(`/api/events?token=${TOKENS.admin}x`)
        .set('Host', 'localhost')
        .expect(401);
      await supertest(service.app)
        .get('/api/flows')
        .set('Host', 'localhost')
        .set('Authorization', `Bearer ${TOKENS.admin}`)
        .expect(200);
      for (const query of [
        `%74oken=${TOKENS.admin}x`,
        `ToKeN=${TOKENS.admin}x`,
        `%54%4F%4B%45%4E=${TOKENS.admin}x`,
      ])
        await supertest(service.app).get(`/api/events?${query}`).set('Host', 'localhost').expect(401);
      expect(out.text()).toContain('"url":"/api/events?token=[redacted]"');
      expect(out.text()).toContain('"url":"/api/events?%74oken=[redacted]"');
      expect(out.text()).not.toContain(TOKENS.admin);
    } finally {
      await service.close();
    }
  });
});
