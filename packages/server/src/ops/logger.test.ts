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
      expect(out.text()).toContain('"url":"/api/events?token=[redacted]"');
      expect(out.text()).not.toContain(TOKENS.admin);
    } finally {
      await service.close();
    }
  });
});
