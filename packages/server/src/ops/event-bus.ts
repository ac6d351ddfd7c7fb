import { EventEmitter } from 'node:events';

/** What the editor watches live: contact steps, agent changes, callbacks, flow saves and publishes. */
export interface LiveEvent {
  type: string;
  [key: string]: unknown;
}

/**
 * The answer to an agent's blind transfer (POST /api/agents/:name/transfer): `transferred` with the
 * target as the engine took it (a number in E.164), or `refused` with the reason; `contactId` is null
 * when the agent had no connected contact.
 */
export interface AgentTransferEvent extends LiveEvent {
  type: 'agent.transfer';
  agent: string;
  contactId: string | null;
  result: 'transferred' | 'refused';
  reason: string;
  target: { queue: string } | { agent: string } | { number: string };
  /** A transfer to a number: the caller-ID decision (rule, number, rejected[{ candidate, number, why }]). */
  callerId: { number?: string; rule: string; reason: string; rejected?: unknown[] } | null;
}

export interface SequencedEvent {
  id: number;
  at: string;
  event: LiveEvent;
}

export class EventBus {
  readonly #emitter = new EventEmitter();
  #seq = 0;

  constructor() {
    // Every SSE client is one listener; the default cap of 10 is meant for leak detection, not this.
    this.#emitter.setMaxListeners(0);
  }

  publish(event: LiveEvent): void {
    this.#seq += 1;
    this.#emitter.emit('event', {
      id: this.#seq,
      at: new Date().toISOString(),
      event,
    } satisfies SequencedEvent);
  }

  subscribe(listener: (event: SequencedEvent) => void): () => void {
    this.#emitter.on('event', listener);
    return () => this.#emitter.off('event', listener);
  }

  get subscribers(): number {
    return this.#emitter.listenerCount('event');
  }
}
