import type { ContactStatus } from '../types.js';

/**
 * The statuses of a contact that is over: it ended, or an agent's or a flow's transfer handed the call
 * to an external number. Nothing more happens to it in the engine: events are ignored, timers are gone,
 * it holds no line, and it no longer counts as active anywhere (memory, the stores, the call log).
 */
export const OVER_STATUSES = ['ended', 'transferred'] as const satisfies readonly ContactStatus[];

const OVER: ReadonlySet<string> = new Set(OVER_STATUSES);

/** THE rule for "the contact is over" (see {@link OVER_STATUSES}); false for no contact at all. */
export function isContactOver(contact: { readonly status: string } | undefined): boolean {
  return contact !== undefined && OVER.has(contact.status);
}
