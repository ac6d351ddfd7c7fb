import type { AppliedStep, Command, ContactSnapshot, ContactStore, TraceEntry } from '@callflow/runtime';
import { isContactOver, isTelephonyCommand } from '@callflow/runtime';
import type { EventBus } from '../ops/event-bus.js';
import type { ServiceMetrics } from '../ops/metrics.js';
import type { ContactRecords } from './contact-records.js';
import type { NewCallback, StoredContact } from './contact-repository.js';

/**
 * The service's contacts: the running ones in memory, every step written to SQLite in one transaction
 * (snapshot, timers, the commands still awaited, callback requests, trace) before the host carries out
 * its commands. Each step also counts in the metrics and goes out as a `contact.step` live event.
 */
export class DurableContacts implements ContactStore {
  readonly active = new Map<string, StoredContact>();
  /** Open `capture` calls: the last snapshot each saw saved for its contact. */
  readonly #captures: { contactId: string; snapshot?: ContactSnapshot }[] = [];

  constructor(
    private readonly repository: ContactRecords,
    private readonly metrics: ServiceMetrics,
    private readonly events: EventBus,
    /** Called with each step once it is stored, before its commands are carried out. */
    private readonly saved: (snapshot: ContactSnapshot) => void = () => {},
  ) {}

  /** The snapshot a step starts from: running contacts only (an event for another one is dropped). */
  load(contactId: string): ContactSnapshot | undefined {
    return this.active.get(contactId)?.snapshot;
  }

  /** Whether the contact runs here (a map lookup: its snapshot is not read). */
  running(contactId: string): boolean {
    return this.active.has(contactId);
  }

  /** The contact as it is now, running or over (then from the store); undefined when there is none. */
  find(contactId: string): ContactSnapshot | undefined {
    return (this.active.get(contactId) ?? this.repository.load(contactId))?.snapshot;
  }

  /**
   * Runs `task` and answers the last snapshot of `contactId` saved while it ran, undefined when none was:
   * whoever sends an event learns the contact's state from its step instead of reading it again.
   */
  capture(contactId: string, task: () => void): ContactSnapshot | undefined {
    const capture: { contactId: string; snapshot?: ContactSnapshot } = { contactId };
    this.#captures.push(capture);
    try {
      task();
    } finally {
      this.#captures.splice(this.#captures.lastIndexOf(capture), 1);
    }
    return capture.snapshot;
  }

  has(contactId: string): boolean {
    return this.active.has(contactId) || this.repository.load(contactId) !== undefined;
  }

  save({ contactId, result, cause, origin }: AppliedStep): void {
    const s = result.snapshot;
    const previous = this.active.get(contactId);
    const awaitable = result.commands.filter((c) => isTelephonyCommand(c) || c.type === 'httpRequest');
    const callbacks: NewCallback[] = result.commands.flatMap((c) =>
      c.type === 'createCallback'
        ? [{ kind: 'flow' as const, request: c.request, requestedBy: `flow:${s.flowId}` }]
        : [],
    );
    const request = origin ? s.callback?.request : undefined;
    if (origin && request) callbacks.unshift({ kind: origin.kind, request, requestedBy: origin.requestedBy });
    // A command whose result has arrived is done, even if its ref stays in the block's wait.
    const answered = cause && 'ref' in cause ? cause.ref : undefined;
    const earlier = (previous?.pending ?? []).filter((c) => !('ref' in c) || c.ref !== answered);
    const stored: StoredContact = { snapshot: s, pending: stillAwaited(s, [...earlier, ...awaitable]) };
    // Newer engines hand each step's trace entries over in `result.trace` and keep only a tail in the
    // snapshot; older ones keep the whole trace in the snapshot. Entries are keyed by seq, so both work.
    const trace = (result as { trace?: TraceEntry[] }).trace ?? s.trace;
    this.repository.save(contactId, stored, callbacks, trace);
    this.metrics.stepsTotal.inc();
    if (isContactOver(s)) this.active.delete(contactId);
    else this.active.set(contactId, stored);
    this.updateGauge();
    for (const capture of this.#captures) if (capture.contactId === contactId) capture.snapshot = s;
    this.saved(s);
    for (const entry of trace) {
      if (entry.error) this.metrics.errorsTotal.inc({ code: entry.error.code });
    }
    this.events.publish({
      type: 'contact.step',
      contactId,
      flowId: s.flowId,
      version: s.version,
      status: s.status,
      block: s.stack[s.stack.length - 1]?.block ?? null,
      steps: s.steps,
    });
  }

  updateGauge(): void {
    this.metrics.contactsActive.set(this.active.size);
  }
}

/** Telephony commands whose result the snapshot still waits for (their ref appears in a wait). */
function stillAwaited(s: ContactSnapshot, commands: Command[]): Command[] {
  if (isContactOver(s)) return [];
  const waiting = JSON.stringify([s.stack.map((f) => f.wait ?? null), s.callback ?? null]);
  const byRef = new Map<string, Command>();
  for (const c of commands) {
    if ('ref' in c && waiting.includes(JSON.stringify(c.ref))) byRef.set(c.ref, c);
  }
  return [...byRef.values()];
}
