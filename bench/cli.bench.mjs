// CLI cold start (docs/architecture.md#budgets: `callflow validate` under 0.5 s). Each run is a fresh `node` process,
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

// Reports the child's own CPU time (user + system) on exit: unlike wall time, it hardly moves when other
// work shares the machine, so it tells a slower CLI from a busier machine.
const CPU_PROBE =
  'data:text/javascript,process.on("exit",()=>{const u=process.cpuUsage();process.stderr.write("\\ncpu-us:"+(u.user+u.system))})';

/** Medians of wall and CPU time of `node bin.js ...args` over RUNS spawns, after one warm-up. */
function coldStart(args) {
  const spawnOnce = () => {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--import', CPU_PROBE, BIN, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const wall = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0) {
      throw new Error(
        `callflow ${args.join(' ')} exited ${result.status}: ${result.stderr || result.stdout}`,
      );
    }
    const cpu = Number(/cpu-us:(\d+)/.exec(result.stderr)?.[1] ?? Number.NaN) / 1000;
    return { wall, cpu };
  };
  spawnOnce();
  const runs = Array.from({ length: RUNS }, spawnOnce);
  return { wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)) };
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
        value: validate.wall,
        unit: 'ms',
        budget: VALIDATE_BUDGET_MS,
        ok: validate.wall <= VALIDATE_BUDGET_MS,
      },
      {
        metric: 'callflow validate flows, CPU time of the process (user + system)',
        value: validate.cpu,
        unit: 'ms',
        note: 'Barely affected by other load on the machine; the wall time above is, on a shared machine.',
      },
      {
        metric: `callflow --version, cold start (median of ${RUNS}, baseline)`,
        value: version.wall,
        unit: 'ms',
        note: 'Node start-up plus commander and the command registry; no flow code is loaded.',
      },
      {
        metric: 'callflow --version, CPU time of the process',
        value: version.cpu,
        unit: 'ms',
      },
      {
        metric: 'validate minus baseline (wall)',
        value: validate.wall - version.wall,
        unit: 'ms',
        note: 'Loading @callflow/model (precompiled validators, dial-number metadata) and checking the sample flows.',
      },
    ],
  };
}
