import { obj } from '../../blocks/index.js';
import { POPOVER_MAX, POPOVER_MIN } from '../../flow.js';
import { type Problem, pointer, problem } from '../../problems.js';
import type { LintRule } from '../rule.js';

/**
 * The agent popover (docs/domain.md#popover), when the flow has one: 3 to 6 entries (CF400, CF401), each a
 * declared (CF306), agent-viewable (CF403), non-secure (CF402) variable, listed once (CF405).
 * A flow with agent-viewable variables and no popover is fine: the desktop still shows them.
 */
export const popover: LintRule = (flow) => {
  if (!Array.isArray(flow.popover)) return [];
  const problems: Problem[] = [];
  const entries = flow.popover;
  if (entries.length < POPOVER_MIN) {
    problems.push(
      problem(
        'CF400',
        `The agent popover lists ${entries.length} variable${entries.length === 1 ? '' : 's'}; it shows at least ${POPOVER_MIN}. Add more agent-viewable variables, or remove "popover".`,
        pointer('popover'),
      ),
    );
  }
  if (entries.length > POPOVER_MAX) {
    problems.push(
      problem(
        'CF401',
        `The agent popover lists ${entries.length} variables; it shows at most ${POPOVER_MAX}. Keep the ${POPOVER_MAX} an agent needs first.`,
        pointer('popover'),
      ),
    );
  }
  const variables = obj(flow.variables) ?? {};
  const seen = new Set<string>();
  entries.forEach((name, i) => {
    const at = pointer('popover', i);
    if (seen.has(name)) {
      problems.push(
        problem('CF405', `The agent popover lists "${name}" twice; remove the second entry.`, at),
      );
      return;
    }
    seen.add(name);
    const variable = Object.hasOwn(variables, name) ? obj(variables[name]) : undefined;
    if (!variable) {
      problems.push(
        problem(
          'CF306',
          `The agent popover lists "${name}", which is not a declared variable; declare it under "variables" or remove it.`,
          at,
        ),
      );
    } else if (variable.secure === true) {
      problems.push(
        problem(
          'CF402',
          `The agent popover lists "${name}", a secure variable; secure values are never shown in a popover. Remove it from "popover".`,
          at,
        ),
      );
    } else if (variable.agentViewable !== true) {
      problems.push(
        problem(
          'CF403',
          `The agent popover lists "${name}", which is not agent viewable; mark it "agentViewable" or remove it from "popover".`,
          at,
        ),
      );
    }
  });
  return problems;
};
