import type { TelephonyAdapter } from '../adapter/contract.js';
import type { SimulatedTelephony } from '../simulator/telephony.js';
import type { ContactEvent } from '../types.js';

export interface TelephonyRoutingOptions {
  /** The simulator's phone network: every contact not routed to a live provider. */
  simulated: SimulatedTelephony;
  /** A real provider beside it: contacts whose id starts with `prefix` run there. */
  live?: { adapter: TelephonyAdapter; prefix: string };
  /**
   * The id the host gives a simulated event. The engine drops ids it has seen; a host whose contacts
   * outlive the process makes the simulator's ids (numbered from 1 in every process) unique.
   */
  simulatedEventId?: (id: string) => string;
}

/** Which telephony carries a contact: the simulator's legs, or a live provider chosen by id prefix. */
export class TelephonyRouting {
  readonly simulated: SimulatedTelephony;
  readonly #options: TelephonyRoutingOptions;

  constructor(options: TelephonyRoutingOptions) {
    this.simulated = options.simulated;
    this.#options = options;
  }

  isLive(contactId: string): boolean {
    const live = this.#options.live;
    return live !== undefined && contactId.startsWith(live.prefix);
  }

  adapterFor(contactId: string): TelephonyAdapter {
    const live = this.#options.live;
    return live && contactId.startsWith(live.prefix) ? live.adapter : this.simulated;
  }

  /** The simulator keeps a leg per contact; live providers have their own. */
  connect(contactId: string): void {
    if (!this.isLive(contactId)) this.simulated.connect(contactId);
  }

  /** Sends every provider's events to `deliver` (simulated ids renamed by the host's policy). */
  subscribe(deliver: (contactId: string, event: ContactEvent) => void): void {
    const rename = this.#options.simulatedEventId;
    this.simulated.subscribe(
      rename
        ? (contactId, event) =>
            deliver(contactId, event.id === undefined ? event : { ...event, id: rename(event.id) })
        : deliver,
    );
    // Live providers give every event a stable id of their own (they retry across restarts too).
    this.#options.live?.adapter.subscribe(deliver);
  }
}
