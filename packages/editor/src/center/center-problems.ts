/**
 * The problems of the resources on screen: the check `callflow validate` runs on resources.json (its
 * schema, with the same codes and words), run live on every edit.
 */
import { type Problem, type Resources, validateResourcesSchema } from '@callflow/model';

export function resourcesProblems(resources: Resources): Problem[] {
  return validateResourcesSchema(resources);
}

/** The problems at `path` or under it (`/queues/sales` holds `/queues/sales/agentGroup`). */
export function problemsAt(problems: readonly Problem[], path: string, exact = false): Problem[] {
  return problems.filter((p) => p.path === path || (!exact && p.path.startsWith(`${path}/`)));
}

/** JSON pointer segment (a name may hold `/` or `~` in a broken file). */
export function pointer(...segments: string[]): string {
  return segments.map((s) => `/${s.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}
