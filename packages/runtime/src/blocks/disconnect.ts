import { defineBehaviour } from './behaviour.js';

/** Hangs up. A callback already created stays in its queue (it is a contact of its own). */
export const disconnect = defineBehaviour<Record<string, never>>({
  type: 'disconnect',
  enter: () => ({ end: 'disconnect' }),
});
