import type { CallerIdOutcome } from '@callflow/runtime';

/**
 * The callback an agent prepares during a call (agent-initiated callback): the number the customer
 * keyed when prompted, or the agent typed or edited. Kept in the store (write-through) so that a
 * restart shows it again; nothing is dialled until the agent places it.
 */
export interface PendingCallback {
  contactId: string;
  status: 'prompting' | 'entered' | 'invalid' | 'timeout' | 'edited';
  /** The number to call (checked by the dial-number rules), or what the customer keyed when refused. */
  number: string | null;
  reason: string | null;
}

/**
 * A consult as the store keeps it: enough to show it again after a restart and to tell whether its
 * parties are still there. The consult popover is not kept: it is built again from the contact.
 */
export interface StoredConsult {
  /** The consulting agent (on the call with the customer). */
  from: string;
  contactId: string;
  to: { agent: string } | { number: string };
  /** `ringing` until the consulted agent accepts or the consulted number answers its leg. */
  status: 'ringing' | 'connected';
  /** The caller ID the consult leg to a number is dialled with, by the agents' rule set. */
  callerId: CallerIdOutcome | null;
  /** Epoch ms the consult started. */
  startedAt: number;
}

/** What the agents' desktops hold between requests besides agent states, one row per agent. */
export interface AgentDeskRecords {
  /** Writes (or, with null, removes) the agent's pending callback. */
  savePendingCallback(agent: string, pending: PendingCallback | null): void;
  pendingCallbacks(): Map<string, PendingCallback>;
  /** Writes (or, with null, removes) the consult the agent holds. */
  saveConsult(from: string, consult: StoredConsult | null): void;
  consults(): StoredConsult[];
}
