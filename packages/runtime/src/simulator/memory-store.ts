import { parseSnapshot, serializeSnapshot } from '../engine/contact.js';
import type { AppliedStep, ContactStore } from '../host/host-options.js';
import type { ContactSnapshot, TraceEntry } from '../types.js';

/**
 * The simulator's contacts, ended ones included, with their whole traces. With `persist`, snapshots
 * are kept in their stored text form between steps, exactly as a durable host keeps them.
 */
export class MemoryStore implements ContactStore {
  readonly #snapshots = new Map<string, ContactSnapshot | string>();
  /** Full traces: each step's new entries appended (the snapshot keeps only the newest). */
  readonly #traces = new Map<string, TraceEntry[]>();

  constructor(private readonly persist: boolean) {}

  load(contactId: string): ContactSnapshot | undefined {
    const stored = this.#snapshots.get(contactId);
    return typeof stored === 'string' ? parseSnapshot(stored) : stored;
  }

  save({ contactId, result }: AppliedStep): void {
    const trace = this.#traces.get(contactId);
    if (trace) for (const entry of result.trace) trace.push(entry);
    else this.#traces.set(contactId, [...result.trace]);
    this.#snapshots.set(contactId, this.persist ? serializeSnapshot(result.snapshot) : result.snapshot);
  }

  trace(contactId: string): TraceEntry[] {
    return this.#traces.get(contactId) ?? [];
  }

  ids(): string[] {
    return [...this.#snapshots.keys()];
  }
}
