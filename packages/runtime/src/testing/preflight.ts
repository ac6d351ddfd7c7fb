import type { Flow, Resources } from '@callflow/model';
import { coerceValue } from '../rules/coerce.js';
import type { ExpectationFailure } from './expectations.js';
import type { Scenario } from './flow-test.js';

/**
 * Mistakes in a scenario that the schema cannot see, because they depend on the flow and the
 * resources: an agent that does not exist, a preset variable the flow does not declare or a value of
 * the wrong type, a start time that is not a date. Reported as failures, so a test never passes by
 * silently ignoring part of its script.
 */
export function scenarioProblems(
  scenario: Scenario,
  flow: Flow | undefined,
  resources: Resources,
): ExpectationFailure[] {
  const problems: ExpectationFailure[] = [];
  if (Number.isNaN(Date.parse(scenario.call.at))) {
    problems.push({ path: '/call/at', message: `"${scenario.call.at}" is not an ISO 8601 date-time` });
  }
  for (const name of Object.keys(scenario.agents ?? {})) {
    if (!Object.hasOwn(resources.agents, name)) {
      const known = Object.keys(resources.agents).join(', ') || 'none';
      problems.push({
        path: `/agents/${name}`,
        message: `no agent "${name}" in resources (agents: ${known})`,
      });
    }
  }
  for (const [name, value] of Object.entries(scenario.variables ?? {})) {
    const declaration = flow?.variables?.[name];
    if (!declaration) {
      problems.push({
        path: `/variables/${name}`,
        message: `flow "${flow?.id ?? '?'}" declares no variable "${name}", so the call cannot start with it`,
      });
      continue;
    }
    const coerced = coerceValue(declaration.type, value);
    if (!coerced.ok) {
      problems.push({
        path: `/variables/${name}`,
        message: `${name} is a ${declaration.type} variable: ${coerced.reason}`,
      });
    }
  }
  return problems;
}
