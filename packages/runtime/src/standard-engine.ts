import { BEHAVIOURS } from './blocks/index.js';
import { createContactEngine } from './engine/contact-engine.js';

/**
 * The engine with the behaviours of the block catalog: what the simulator, the host core and the
 * service run. The one place the engine and the blocks meet.
 */
const engine = /* @__PURE__ */ createContactEngine(BEHAVIOURS);

export const startContact = engine.startContact;
export const step = engine.step;
export const startCallback = engine.startCallback;
export const startWebCallback = engine.startWebCallback;
export const startAgentCallback = engine.startAgentCallback;
export const currentOffer = engine.currentOffer;
