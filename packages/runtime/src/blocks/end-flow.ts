import { defineBehaviour } from './behaviour.js';

/** Ends a whisper flow: the next whisper runs, then the parties are connected (or the call is placed). */
export const endFlow = defineBehaviour<Record<string, never>>({
  type: 'endFlow',
  enter: () => ({ end: 'endFlow' }),
});
