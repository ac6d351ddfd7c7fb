import { VirtualClock } from '@callflow/runtime';

/** setTimeout cannot wait longer than 2^31-1 ms (about 24.8 days); longer deadlines re-arm. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * The simulator adapter's clock, on wall time: tasks run when their absolute deadline comes (or at once
 * when it has already passed, e.g. a timer restored after a restart). Extends VirtualClock so the
 * simulator's telephony runs on it unchanged.
 */
export class WallClock extends VirtualClock {
  readonly #handles = new Set<NodeJS.Timeout>();

  constructor(private readonly read: () => number = Date.now) {
    super(read());
  }

  override now(): number {
    return this.read();
  }

  override at(at: number, run: () => void): () => void {
    let cancelled = false;
    let handle: NodeJS.Timeout | undefined;
    const arm = (): void => {
      const delay = Math.max(0, at - this.read());
      handle = setTimeout(
        () => {
          if (handle) this.#handles.delete(handle);
          if (cancelled) return;
          if (at > this.read()) arm();
          else run();
        },
        Math.min(delay, MAX_DELAY_MS),
      );
      this.#handles.add(handle);
    };
    arm();
    return () => {
      cancelled = true;
      if (handle) {
        clearTimeout(handle);
        this.#handles.delete(handle);
      }
    };
  }

  override after(seconds: number, run: () => void): () => void {
    return this.at(this.read() + seconds * 1000, run);
  }

  override advance(): void {
    throw new Error('A wall clock cannot be advanced by hand.');
  }

  override settle(): void {}

  override pending(): number {
    return this.#handles.size;
  }

  /** Cancels everything (shutdown): what matters is persisted and re-armed on the next start. */
  stop(): void {
    for (const handle of this.#handles) clearTimeout(handle);
    this.#handles.clear();
  }
}
