import { blockDefinition } from '@callflow/model';
import { defineBehaviour } from './behaviour.js';

type WhisperKind = 'agent' | 'customer' | 'outbound';

/** Overrides the queue's default whisper of this kind for the rest of the contact. */
export const setWhisperFlow = defineBehaviour<{ kind?: WhisperKind; flow?: string }>({
  type: 'setWhisperFlow',
  enter(ctx) {
    const { kind, flow } = ctx.settings;
    if (!kind || !flow) return { outcome: 'error', note: 'kind and flow must be set' };
    const found = ctx.flows.find(flow);
    if (!found) return { outcome: 'error', note: `flow "${flow}" is not published` };
    // The catalog knows which flow type fits each kind: one list for lint, editor and runtime.
    const fits = blockDefinition('setWhisperFlow')
      ?.references(ctx.settings as Record<string, unknown>)
      .find((r) => r.kind === 'flow')?.flowTypes;
    if (fits && !fits.includes(found.type)) {
      return { outcome: 'error', note: `flow "${flow}" is a ${found.type} flow, not ${fits.join(' or ')}` };
    }
    ctx.contact.whisper = { ...ctx.contact.whisper, [kind]: flow };
    return { outcome: 'success' };
  },
});
