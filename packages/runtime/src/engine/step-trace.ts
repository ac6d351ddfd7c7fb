import { maskTraceEntry } from '../rules/secure-values.js';
import { summariseCommand } from '../trace/summarise.js';
import type { ContactSnapshot, TraceEntry } from '../types.js';
import type { CommandLog } from './command-log.js';
import type { ContactSecrets } from './contact-secrets.js';

/**
 * The trace entries a step writes: one is open at a time, and lists the commands emitted while it was;
 * each is masked against the contact's secure values when it is closed.
 */
export class StepTrace {
  /** Trace entries written by this step. */
  readonly entries: TraceEntry[] = [];
  private entry: TraceEntry | undefined;
  private commandMark = 0;

  constructor(
    private readonly s: ContactSnapshot,
    private readonly now: number,
    private readonly commands: CommandLog,
    private readonly secrets: ContactSecrets,
  ) {}

  /** Starts a trace entry; commands emitted until the next `flush` are listed in it. */
  begin(fields: Partial<TraceEntry>): void {
    this.flush();
    const entry: TraceEntry = { seq: 0, at: this.now };
    if (fields.flowId !== undefined) entry.flowId = fields.flowId;
    if (fields.block !== undefined) entry.block = fields.block;
    if (fields.blockType !== undefined) entry.blockType = fields.blockType;
    if (fields.event !== undefined) entry.event = fields.event;
    if (fields.note !== undefined) entry.note = fields.note;
    if (fields.ignored !== undefined) entry.ignored = fields.ignored;
    if (fields.error !== undefined) entry.error = fields.error;
    if (fields.outcome !== undefined) entry.outcome = fields.outcome;
    if (fields.callerId !== undefined) entry.callerId = fields.callerId;
    this.entry = entry;
    this.commandMark = this.commands.list.length;
  }

  with(fields: Partial<TraceEntry>): void {
    if (!this.entry) this.begin({});
    Object.assign(this.entry as TraceEntry, fields);
  }

  note(text: string): void {
    if (!this.entry) this.begin({});
    const entry = this.entry as TraceEntry;
    entry.note = entry.note ? `${entry.note}; ${text}` : text;
  }

  /** Records blocks the contact leaves without an outcome (their frames dropped while waiting). */
  left(blocks: readonly { flowId: string; block: string }[]): void {
    if (blocks.length === 0) return;
    if (!this.entry) this.begin({});
    const entry = this.entry as TraceEntry;
    entry.left = [...(entry.left ?? []), ...blocks];
  }

  /** Drops the open entry unwritten (an event the waiting block turned out not to expect). */
  discard(): void {
    this.entry = undefined;
  }

  flush(): void {
    const entry = this.entry;
    if (!entry) return;
    this.entry = undefined;
    const emitted = this.commands.list.slice(this.commandMark);
    if (emitted.length > 0) entry.commands = emitted.map(summariseCommand);
    this.s.traceCount += 1;
    entry.seq = this.s.traceCount;
    this.entries.push(maskTraceEntry(entry, this.secrets.values()));
  }
}
