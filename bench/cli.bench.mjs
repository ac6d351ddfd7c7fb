// CLI cold start (DESIGN.md budget: `callflow validate` under 0.5 s). Each run is a fresh `node` process,
// as in CI, so the figure includes Node's own start-up, module loading and the precompiled validators.
// `--version` loads no flow code and is the baseline: the difference is what validating costs.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'packages/cli/dist/bin.js');
const RUNS = 10;
const VALIDATE_BUDGET_MS = 500;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median wall time of `node bin.js ...args` over RUNS spawns, after one warm-up for the disk cache. */
function coldStart(args) {
  const spawnOnce = () => {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0) {
      throw new Error(
        `callflow ${args.join(' ')} exited ${result.status}: ${result.stderr || result.stdout}`,
      );
    }
    return ms;
  };
  spawnOnce();
  return median(Array.from({ length: RUNS }, spawnOnce));
}

export async function run() {
  if (!existsSync(BIN)) throw new Error('packages/cli/dist/bin.js is missing: build first (npm run build)');
  const version = coldStart(['--version']);
  const validate = coldStart(['validate', 'flows']);
  return {
    title: 'CLI start-up',
    rows: [
      {
        metric: `callflow validate flows, cold start (median of ${RUNS})`,
        value: validate,
        unit: 'ms',
        budget: VALIDATE_BUDGET_MS,
        ok: validate <= VALIDATE_BUDGET_MS,
      },
      {
        metric: `callflow --version, cold start (median of ${RUNS}, baseline)`,
        value: version,
        unit: 'ms',
        note: 'Node start-up plus commander; no flow code is loaded.',
      },
      {
        metric: 'validate minus baseline',
        value: validate - version,
        unit: 'ms',
        note: 'Loading @callflow/model (precompiled validators, dial-number metadata) and checking the sample flows.',
      },
    ],
  };
}
