import { checkDialNumber } from '@callflow/model';
import { dialOptions } from '../rules/dial-options.js';
import { secureVariableNames } from '../rules/index.js';
import { fillPlaceholders, operandValue } from '../rules/placeholders.js';
import { defineBehaviour } from './behaviour.js';

interface SendMessageSettings {
  to?: unknown;
  message?: unknown;
}

/**
 * Sends a text message through the adapter and waits for the provider's answer (`sent` / `failed`).
 * A message leaves the center in clear, so it is refused before anything is sent when the text or the
 * number names a secure variable or holds a copy of a secure value (lint CF608 says so at design time;
 * this covers a value copied at run time). The refusal note never repeats the value.
 */
export const sendMessage = defineBehaviour<SendMessageSettings>({
  type: 'sendMessage',
  enter(ctx) {
    const s = ctx.settings;
    const secure = new Set(secureVariableNames(ctx.flow));
    const toVariable = (s.to as { variable?: unknown } | undefined)?.variable;
    if (typeof toVariable === 'string' && secure.has(toVariable))
      return { outcome: 'failed', note: `not sent: the number is the secure variable "${toVariable}"` };
    const named: string[] = [];
    const message = typeof s.message === 'string' ? s.message : '';
    const body = fillPlaceholders(message, (name) => {
      if (secure.has(name)) named.push(name);
      return ctx.lookup(name);
    });
    if (named.length > 0)
      return { outcome: 'failed', note: `not sent: the message names the secure variable "${named[0]}"` };
    if (ctx.secrets.mask(body) !== body)
      return { outcome: 'failed', note: 'not sent: the message would carry a secure value' };
    const raw = operandValue(s.to, ctx.lookup);
    const number = typeof raw === 'string' ? raw : String(raw ?? '');
    if (ctx.secrets.mask(number) !== number)
      return { outcome: 'failed', note: 'not sent: the number is a secure value' };
    const check = checkDialNumber(number, dialOptions(ctx));
    if (!check.ok) return { outcome: 'failed', note: `not sent: ${check.message}` };
    if (body.trim() === '') return { outcome: 'failed', note: 'not sent: the message is empty' };
    const ref = ctx.emit({ type: 'sendMessage', to: check.e164, from: ctx.contact.dialedNumber, body });
    return { wait: { ref } };
  },
  resume(ctx, wait, event) {
    if (event.type === 'messageResult' && event.ref === wait.ref) {
      if (event.result === 'sent') return { outcome: 'sent' };
      return {
        outcome: 'failed',
        note: `the provider refused the message${event.reason ? `: ${ctx.secrets.mask(event.reason)}` : ''}`,
      };
    }
    if (event.type === 'adapterError' && event.ref === wait.ref)
      return { outcome: 'failed', note: `telephony error: ${ctx.secrets.mask(event.message)}` };
    return undefined;
  },
});
