import type { CommandDraft } from '../blocks/behaviour.js';
import type { Command, ContactSnapshot } from '../types.js';

/** The commands a step sends the host, timers among them; refs and timer ids come from the snapshot. */
export class CommandLog {
  readonly list: Command[] = [];

  constructor(
    private readonly s: ContactSnapshot,
    private readonly now: number,
  ) {}

  ref(): string {
    this.s.seq += 1;
    return `${this.s.contactId}:${this.s.seq}`;
  }

  /** Emits a command; returns its `ref` (a fresh one for commands that take a ref, else ''). */
  emit(command: CommandDraft): string {
    // Drafts are fresh literals made for this call: giving them their ref in place is safe and cheap.
    if (!COMMANDS_WITH_REF.has(command.type)) {
      this.list.push(command as Command);
      return '';
    }
    const ref = this.ref();
    (command as { ref?: string }).ref = ref;
    // Keys are asked for anew: keys that answer an earlier question are stale from now on.
    if (command.type === 'collectDigits') this.s.keysFor = ref;
    this.list.push(command as Command);
    return ref;
  }

  startTimer(seconds: number, event: string): string {
    this.s.seq += 1;
    const timer = { id: `t${this.s.seq}`, at: this.now + Math.round(seconds * 1000), event };
    this.s.timers = [...this.s.timers, timer];
    this.list.push({ type: 'startTimer', timer });
    return timer.id;
  }

  cancelTimer(id: string | undefined): void {
    if (!id || !this.s.timers.some((t) => t.id === id)) return;
    this.s.timers = this.s.timers.filter((t) => t.id !== id);
    this.list.push({ type: 'cancelTimer', id });
  }

  cancelAllTimers(): void {
    for (const timer of this.s.timers) this.list.push({ type: 'cancelTimer', id: timer.id });
    this.s.timers = [];
  }
}

/** Commands whose results come back naming them. */
const COMMANDS_WITH_REF = new Set([
  'play',
  'collectDigits',
  'recordMessage',
  'dial',
  'offerToAgent',
  'httpRequest',
  'sendMessage',
]);
