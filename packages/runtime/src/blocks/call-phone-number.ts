import { defineBehaviour } from './behaviour.js';

interface CallPhoneNumberSettings {
  callerId?: { strategy?: string; number?: string; variable?: string };
  callerIdName?: string;
}

/** In an outbound whisper: the caller ID of the call about to be placed (overrides the queue's). */
export const callPhoneNumber = defineBehaviour<CallPhoneNumberSettings>({
  type: 'callPhoneNumber',
  enter(ctx) {
    const c = ctx.settings.callerId;
    const name = ctx.settings.callerIdName;
    if (c?.strategy === 'fixed' && c.number) {
      ctx.contact.outboundCallerId = { number: c.number, ...(name ? { name } : {}) };
      return { outcome: 'success' };
    }
    if (c?.strategy === 'variable' && c.variable) {
      const value = ctx.lookup(c.variable);
      if (typeof value !== 'string' || value === '')
        return { outcome: 'error', note: `${c.variable} holds no number` };
      ctx.contact.outboundCallerId = { number: value, ...(name ? { name } : {}) };
      return { outcome: 'success' };
    }
    return { outcome: 'error', note: 'the caller ID must be a fixed number or a variable' };
  },
});
