import { operandValue } from '../rules/placeholders.js';
import { defineBehaviour } from './behaviour.js';

interface SetVariablesSettings {
  assignments?: { variable?: string; value?: unknown }[];
}

/** Assigns in order, converting to the declared type; a value that does not fit takes `error`. */
export const setVariables = defineBehaviour<SetVariablesSettings>({
  type: 'setVariables',
  enter(ctx) {
    for (const assignment of ctx.settings.assignments ?? []) {
      if (typeof assignment.variable !== 'string') continue;
      const stored = ctx.assign(assignment.variable, operandValue(assignment.value, ctx.lookup));
      if (!stored.ok) return { outcome: 'error', note: `${assignment.variable} not set: ${stored.reason}` };
    }
    return { outcome: 'success' };
  },
});
