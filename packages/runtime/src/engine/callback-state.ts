import type { ContactSnapshot } from '../types.js';

/** A callback an agent transferred: connected, with no agent of its own (see {@link callbackTransferred}). */
export function isTransferredCallback(s: ContactSnapshot): boolean {
  return s.callback?.phase === 'connected' && s.callback.agent === undefined;
}
