/**
 * A virtual clock: tasks run in time order (then in the order they were scheduled) only when the clock
 * is advanced, so a simulation is the same every time it runs.
 */
export class VirtualClock {
  private tasks: { at: number; seq: number; run: () => void; cancelled: boolean }[] = [];
  private seq = 0;

  constructor(private time: number) {}

  now(): number {
    return this.time;
  }

  /** Schedules `run` at epoch ms `at` (not earlier than now); returns a cancel function. */
  at(at: number, run: () => void): () => void {
    const task = { at: Math.max(at, this.time), seq: this.seq++, run, cancelled: false };
    // Sorted insert from the end: most tasks are scheduled after the ones already waiting.
    let i = this.tasks.length;
    while (i > 0) {
      const prev = this.tasks[i - 1] as (typeof this.tasks)[number];
      if (prev.at < task.at || (prev.at === task.at && prev.seq < task.seq)) break;
      i -= 1;
    }
    this.tasks.splice(i, 0, task);
    return () => {
      task.cancelled = true;
    };
  }

  after(seconds: number, run: () => void): () => void {
    return this.at(this.time + seconds * 1000, run);
  }

  /** Moves time forward by `seconds`, running every task that falls due on the way. */
  advance(seconds: number): void {
    const until = this.time + seconds * 1000;
    this.runUntil(until);
    this.time = until;
  }

  /** Runs what is due now (tasks scheduled at the current time by earlier tasks included). */
  settle(): void {
    this.runUntil(this.time);
  }

  pending(): number {
    return this.tasks.filter((t) => !t.cancelled).length;
  }

  private runUntil(until: number): void {
    for (let task = this.tasks[0]; task && task.at <= until; task = this.tasks[0]) {
      this.tasks.shift();
      if (task.cancelled) continue;
      this.time = task.at;
      task.run();
    }
  }
}
