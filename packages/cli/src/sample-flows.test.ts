import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BLOCKS, FLOW_TYPES, type Flow } from '@callflow/model';
import { describe, expect, it } from 'vitest';
import { callflow, REPO_ROOT } from './test-support/cli.js';

const FLOWS_DIR = join(REPO_ROOT, 'flows');
const flows = readdirSync(FLOWS_DIR)
  .filter((f) => f.endsWith('.flow.json'))
  .map((f) => ({ file: f, flow: JSON.parse(readFileSync(join(FLOWS_DIR, f), 'utf8')) as Flow }));

describe('the sample flows in flows/', () => {
  it('pass `callflow validate flows` with no error and no warning', async () => {
    const run = await callflow(['validate', '--strict', '--format', 'json', 'flows'], REPO_ROOT);
    expect(JSON.parse(run.stdout)).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('pass `callflow fmt --check flows`', async () => {
    const run = await callflow(['fmt', '--check', 'flows'], REPO_ROOT);
    expect(run.stdout).toMatch(/all canonical\.\n$/);
    expect(run.code).toBe(0);
  });

  it('use every block type and every flow type between them', () => {
    const used = new Set(flows.flatMap(({ flow }) => Object.values(flow.blocks).map((b) => b.type)));
    expect(BLOCKS.map((b) => b.type).filter((t) => !used.has(t))).toEqual([]);
    expect(new Set(flows.map(({ flow }) => flow.type))).toEqual(new Set(FLOW_TYPES));
  });

  it('are named after their ids, point at the schema and place every block on the canvas', () => {
    for (const { file, flow } of flows) {
      expect(file).toBe(`${flow.id}.flow.json`);
      expect(flow.$schema).toBe('../schemas/flow.schema.json');
      expect(Object.keys(flow.layout ?? {}).sort()).toEqual(Object.keys(flow.blocks).sort());
    }
  });
});
