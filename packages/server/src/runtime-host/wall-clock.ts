import { VirtualClock } from '@callflow/runtime';

/** setTimeout cannot wait longer than 2^31-1 ms (about 24.8 days); longer deadlines re-arm. */
const MAX_DELAY_MS = 2 ** 31 - 1;

interface Task {
  at: number;
  run: () => void;
  handle?: NodeJS.Timeout;
}

/**
 * The simulator adapter's clock, on wall time: tasks run when their absolute deadline comes (or at once
 * when it has already passed, e.g. a timer restored after a restart). Extends VirtualClock so the
 * simulator's telephony runs on it unchanged.
 */
export class WallClock extends VirtualClock {
  readonly #tasks = new Set<Task>();
  /** Time skipped forward by `skip` (a test's clock control), added to every reading. */
  #skipped = 0;

  constructor(private readonly read: () => number = Date.now) {
    super(read());
  }

  override now(): number {
    return this.read() + this.#skipped;
  }

  override at(at: number, run: () => void): () => void {
    const task: Task = { at, run };
    this.#tasks.add(task);
    this.#arm(task);
    return () => this.#drop(task);
  }

  #arm(task: Task): void {
    const delay = Math.max(0, task.at - this.now());
    task.handle = setTimeout(
      () => {
        if (!this.#tasks.has(task)) return;
        if (task.at > this.now()) {
          this.#arm(task);
          return;
        }
        this.#tasks.delete(task);
        task.run();
      },
      Math.min(delay, MAX_DELAY_MS),
    );
  }

  #drop(task: Task): void {
    clearTimeout(task.handle);
    this.#tasks.delete(task);
  }

  override after(seconds: number, run: () => void): () => void {
    return this.at(this.now() + seconds * 1000, run);
  }

  override advance(): void {
    throw new Error('A wall clock cannot be advanced by hand; a test clock skips forward with skip().');
  }

  /**
   * Jumps the clock forward (CALLFLOW_SIM_CLOCK_CONTROL, for tests of ring timers and RONA): every task
   * now due runs, in time order, as the event loop turns; later ones wait the time left.
   */
  skip(seconds: number): void {
    this.#skipped += seconds * 1000;
    const tasks = [...this.#tasks].sort((a, b) => a.at - b.at);
    for (const task of tasks) {
      clearTimeout(task.handle);
      this.#arm(task);
    }
  }

  override settle(): void {}

  override pending(): number {
    return this.#tasks.size;
  }

  /** Cancels everything (shutdown): what matters is persisted and re-armed on the next start. */
  stop(): void {
    for (const task of this.#tasks) clearTimeout(task.handle);
    this.#tasks.clear();
  }
}
