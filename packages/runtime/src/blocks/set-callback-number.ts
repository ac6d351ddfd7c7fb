import { checkDialNumber, dialString } from '@callflow/model';
import { dialOptions } from '../rules/dial-options.js';
import { operandValue } from '../rules/placeholders.js';
import { defineBehaviour } from './behaviour.js';

/** Normalises and checks the number; `invalidNumber` or `notDialable` (country allowlist) as Connect does. */
export const setCallbackNumber = defineBehaviour<{ number?: unknown }>({
  type: 'setCallbackNumber',
  enter(ctx) {
    const value = operandValue(ctx.settings.number, ctx.lookup);
    const check = checkDialNumber(typeof value === 'string' ? value : String(value ?? ''), dialOptions(ctx));
    if (!check.ok) {
      const outcome =
        check.reason === 'countryNotAllowed' || check.reason === 'notDialable'
          ? 'notDialable'
          : 'invalidNumber';
      return { outcome, note: check.message };
    }
    // The extension stays with the number: the callback sends it once the customer answers.
    ctx.contact.system.callbackNumber = dialString(check);
    return { outcome: 'success', note: `callback number ${dialString(check)}` };
  },
});
