import { REDACTED, secureVariableNames } from '../rules/index.js';
import { fillPlaceholders } from '../rules/placeholders.js';
import { defineBehaviour } from './behaviour.js';

/**
 * Writes the admin's line into the trace entry's `log`. A secure variable's placeholder is written as
 * `•••` whatever its value (a one-digit PIN too), and every other secure value the contact holds is
 * masked in the result, so that a copy of a PIN in another variable does not leak through the line.
 */
export const logToTrace = defineBehaviour<{ message?: unknown }>({
  type: 'logToTrace',
  enter(ctx) {
    const message = typeof ctx.settings.message === 'string' ? ctx.settings.message : '';
    const secure = new Set(secureVariableNames(ctx.flow));
    const filled = fillPlaceholders(message, (name) => (secure.has(name) ? REDACTED : ctx.lookup(name)));
    ctx.traceWith({ log: ctx.secrets.mask(filled) });
    return { outcome: 'success' };
  },
});
