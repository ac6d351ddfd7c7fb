import { Option } from 'commander';

/** Options shared by several commands, declared once so that they read the same everywhere. */

export const OUTPUT_FORMATS = ['human', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function formatOption(): Option {
  return new Option('-f, --format <format>', 'output format').choices(OUTPUT_FORMATS).default('human');
}

export function resourcesOption(): Option {
  return new Option(
    '-r, --resources <file>',
    'resources file for every flow (default: resources.json beside the flows)',
  );
}

export const PATHS_ARGUMENT = '[paths...]';
export const PATHS_DESCRIPTION = 'flow files or directories (default: flows)';

export function outputFormat(options: Record<string, unknown>): OutputFormat {
  return options.format === 'json' ? 'json' : 'human';
}

export function resourcesPath(options: Record<string, unknown>): string | undefined {
  return typeof options.resources === 'string' ? options.resources : undefined;
}
