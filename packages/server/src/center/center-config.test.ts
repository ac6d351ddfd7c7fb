import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';

const BASE = { CALLFLOW_FLOWS_DIR: '/tmp/flows', CALLFLOW_TOKEN: 'a-token-of-twenty-chars' };
const DEFAULTS = { flowsDir: '/tmp/flows', editorDist: '/x' };

describe('CALLFLOW_DATABASE_URL', () => {
  it('joins a center only with a postgres:// URL, and never repeats the URL (it holds a password)', () => {
    expect(loadConfig([], BASE, DEFAULTS).databaseUrl).toBeUndefined();
    const url = 'postgres://callflow:s3cret-pw@db.internal:5432/center';
    expect(loadConfig([], { ...BASE, CALLFLOW_DATABASE_URL: url }, DEFAULTS).databaseUrl).toBe(url);
    expect(
      loadConfig(
        [],
        {
          ...BASE,
          CALLFLOW_DATABASE_URL: 'postgresql://db/center',
          CALLFLOW_NODE_URL: 'http://10.0.0.5:8080/',
        },
        DEFAULTS,
      ).nodeUrl,
    ).toBe('http://10.0.0.5:8080');
    for (const bad of ['mysql://u:s3cret-pw@db/x', 'not a url s3cret-pw']) {
      let error: unknown;
      try {
        loadConfig([], { ...BASE, CALLFLOW_DATABASE_URL: bad }, DEFAULTS);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toContain('CALLFLOW_DATABASE_URL must be a postgres:// URL');
      expect((error as Error).message).not.toContain('s3cret-pw');
    }
  });
});
