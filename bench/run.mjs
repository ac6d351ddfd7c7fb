// `npm run bench`: runs every bench/*.bench.mjs module and writes docs/performance.md.
// Each module exports `run()` -> { title, rows: [{ metric, value, unit, budget, ok, note? }] }.
// Figures are medians over repeated runs on this machine; compare ratios within one run, not across
// machines (the machines here are shared and noisy).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mergeSections, sectionLines } from './performance-doc.mjs';

const here = dirname(fileURLToPath(import.meta.url));
// `npm run bench -- runtime server`: only those modules; `runtime:engine`: only that part of a module
// (the module's run(parts) decides). A selection merges its figures into docs/performance.md.
const only = process.argv.slice(2).map((arg) => {
  const [prefix, part] = arg.split(':');
  return { prefix, part };
});
const modules = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o.prefix)))
  .sort();
const partsOf = (file) => only.filter((o) => file.startsWith(o.prefix) && o.part).map((o) => o.part);

const sections = [];
let failed = 0;
for (const file of modules) {
  process.stdout.write(`bench ${file} ... `);
  const started = Date.now();
  try {
    // Each benchmark runs in a process of its own, so that what one leaves behind (a browser, a server,
    // a warm or fragmented heap) cannot slow the next.
    const script = `import(${JSON.stringify(join(here, file))}).then((m) => m.run(${JSON.stringify(partsOf(file))})).then((r) => process.stdout.write('\\n@@RESULT@@' + JSON.stringify(r)))`;
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
for (const s of sections) lines.push(...sectionLines(s));
const page = join(here, '..', 'docs', 'performance.md');
const stamp = `${new Date().toISOString()} (npm run bench -- ${process.argv.slice(2).join(' ')})`;
writeFileSync(
  page,
  only.length > 0 ? mergeSections(readFileSync(page, 'utf8'), sections, stamp) : `${lines.join('\n')}\n`,
);
console.log(
  `docs/performance.md written (${sections.length} sections${failed ? `, ${failed} problems` : ''}).`,
);
