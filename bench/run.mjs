// `npm run bench`: runs every bench/*.bench.mjs module and writes docs/performance.md.
// Each module exports `run()` -> { title, rows: [{ metric, value, unit, budget, ok, note? }] }.
// Figures are medians over repeated runs on this machine; compare ratios within one run, not across
// machines (the machines here are shared and noisy).
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const modules = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

const sections = [];
let failed = 0;
for (const file of modules) {
  process.stdout.write(`bench ${file} ... `);
  const started = Date.now();
  try {
    // Each benchmark runs in a process of its own, so that what one leaves behind (a browser, a server,
    // a warm or fragmented heap) cannot slow the next.
    const script = `import(${JSON.stringify(join(here, file))}).then((m) => m.run()).then((r) => process.stdout.write('\\n@@RESULT@@' + JSON.stringify(r)))`;
    const output = execFileSync(process.execPath, ['--expose-gc', '-e', script], {
      cwd: here,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const result = JSON.parse(output.slice(output.lastIndexOf('@@RESULT@@') + '@@RESULT@@'.length));
    sections.push(result);
    const misses = result.rows.filter((r) => r.ok === false).length;
    failed += misses;
    console.log(`${((Date.now() - started) / 1000).toFixed(1)} s${misses ? `, ${misses} over budget` : ''}`);
  } catch (error) {
    failed += 1;
    console.log('failed');
    sections.push({ title: file, rows: [], error: error instanceof Error ? error.message : String(error) });
  }
}

const fmt = (v) =>
  typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(v < 10 ? 2 : 1)) : String(v);
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const lines = [
  '# Performance',
  '',
  'Written by `npm run bench` (bench/run.mjs); do not edit by hand. Budgets: docs/architecture.md#budgets.',
  '',
  `- Date: ${new Date().toISOString()}`,
  `- Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}/${process.arch}`,
  '- Machines here are shared and noisy: read ratios within one run, not absolute numbers across runs.',
  '',
];
for (const s of sections) {
  lines.push(`## ${s.title}`, '');
  if (s.error) {
    lines.push(`Benchmark failed: ${s.error}`, '');
    continue;
  }
  lines.push('| metric | value | budget | within budget |', '| --- | --- | --- | --- |');
  for (const r of s.rows) {
    const budget = r.budget === undefined ? '—' : `${fmt(r.budget)} ${r.unit}`;
    const ok = r.ok === undefined ? '—' : r.ok ? 'yes' : '**no**';
    lines.push(`| ${r.metric} | ${fmt(r.value)} ${r.unit} | ${budget} | ${ok} |`);
  }
  const notes = s.rows.filter((r) => r.note).map((r) => `- ${r.metric}: ${r.note}`);
  if (s.notes) notes.push(...s.notes.map((n) => `- ${n}`));
  lines.push('', ...notes, ...(notes.length ? [''] : []));
}
writeFileSync(join(here, '..', 'docs', 'performance.md'), `${lines.join('\n')}\n`);
console.log(
  `docs/performance.md written (${sections.length} sections${failed ? `, ${failed} problems` : ''}).`,
);
