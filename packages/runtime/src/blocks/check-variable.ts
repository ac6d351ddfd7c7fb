import { evaluateCondition } from '../rules/index.js';
import { defineBehaviour } from './behaviour.js';

interface CheckVariableSettings {
  rules?: { outcome?: string; when?: unknown }[];
}

/** The first rule whose condition holds gives the outcome; none: `noMatch`. */
export const checkVariable = defineBehaviour<CheckVariableSettings>({
  type: 'checkVariable',
  enter(ctx) {
    for (const [index, rule] of (ctx.settings.rules ?? []).entries()) {
      if (typeof rule.outcome === 'string' && evaluateCondition(rule.when, ctx.lookup)) {
        return { outcome: rule.outcome, note: `rule ${index + 1} holds` };
      }
    }
    return { outcome: 'noMatch' };
  },
});
