import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Flow } from '@callflow/model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../db/database.js';
import { simpleFlow } from '../test-support/temp-service.js';
import { PublishedVersions, sqliteVersionRows } from './published-versions.js';

let dir: string;
let db: Db;
let published: PublishedVersions;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'callflow-published-'));
  db = openDatabase(dir);
  published = new PublishedVersions(sqliteVersionRows(db));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const flow = (name: string) => simpleFlow('greeting', name) as unknown as Flow;

describe('published versions', () => {
  it('reads a version’s content once: later reads share the parsed flow', () => {
    published.publish(flow('First'), 'alice');
    const first = published.get('greeting', 1);
    expect(first?.flow.name).toBe('First');
    expect(published.get('greeting', 1)?.flow).toBe(first?.flow);
  });

  it('keeps `live` current for versions already read, across a publish and a rollback', () => {
    published.publish(flow('First'), 'alice');
    expect(published.get('greeting', 1)?.live).toBe(true);
    published.publish(flow('Second'), 'alice');
    expect(published.get('greeting', 1)).toMatchObject({ live: false, flow: { name: 'First' } });
    expect(published.get('greeting', 2)).toMatchObject({ live: true, flow: { name: 'Second' } });
    published.rollback('greeting', 1);
    expect(published.get('greeting', 1)?.live).toBe(true);
    expect(published.get('greeting', 2)?.live).toBe(false);
    expect(published.live('greeting')?.flow.name).toBe('First');
  });

  it('answers undefined for a version never published', () => {
    expect(published.get('greeting', 1)).toBeUndefined();
    published.publish(flow('First'), 'alice');
    expect(published.get('greeting', 2)).toBeUndefined();
  });
});
