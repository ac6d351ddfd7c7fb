import pino, { type DestinationStream } from 'pino';

/** What /healthz says about the log: whether lines are being written, and what went wrong if not. */
export interface LogHealthReport {
  ok: boolean;
  /** Writes refused since the start (a full disk, a closed pipe). */
  failedWrites: number;
  /** Lines dropped because the backlog held while writes failed was full. */
  droppedLines: number;
  /** While failing: the error's code (`ENOSPC`) and since when (ISO time). */
  error?: string;
  failingSince?: string;
}

/**
 * Tracks the log destination. Logging must never take the service down: a full disk under stdout made
 * the stream emit an `error` nobody handled, and the process crashed mid-call. Failures are counted
 * here instead, and the next write that succeeds clears them.
 */
export class LogHealth {
  #failedWrites = 0;
  #droppedLines = 0;
  #failing: { since: number; error: string } | undefined;
  #lastError: unknown;

  constructor(private readonly now: () => number = Date.now) {}

  failed(error: unknown): void {
    // pino's own handler re-emits the first error it sees: count it once.
    if (error === this.#lastError) return;
    this.#lastError = error;
    this.#failedWrites += 1;
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    this.#failing = {
      since: this.#failing?.since ?? this.now(),
      error: code ?? (error instanceof Error ? error.message : String(error)),
    };
  }

  written(): void {
    this.#failing = undefined;
  }

  dropped(): void {
    this.#droppedLines += 1;
  }

  report(): LogHealthReport {
    const report: LogHealthReport = {
      ok: this.#failing === undefined,
      failedWrites: this.#failedWrites,
      droppedLines: this.#droppedLines,
    };
    if (this.#failing) {
      report.error = this.#failing.error;
      report.failingSince = new Date(this.#failing.since).toISOString();
    }
    return report;
  }
}

/** A destination that reports how its writes go: SonicBoom (`error`, `write`, `drop`) or alike. */
export interface ObservableDestination extends DestinationStream {
  on(event: 'error' | 'write' | 'drop', listener: (value: unknown) => void): unknown;
}

/** Lines held while writes fail, written once they succeed again; past this, new lines are dropped. */
export const LOG_BACKLOG_BYTES = 8 * 1024 * 1024;

/**
 * The service's log destination: stdout (fd 1), written synchronously. Synchronous because an
 * asynchronous SonicBoom flushes on exit in a loop that never ends while the disk stays full, so the
 * service could not even stop; at the service's log volume (requests are logged at debug) the cost does
 * not show. A failed line stays at the head of the backlog and is written first once writes succeed.
 */
export function logDestination(health: LogHealth, fd = 1): ObservableDestination {
  const stream = pino.destination({ dest: fd, sync: true, maxLength: LOG_BACKLOG_BYTES });
  return watchDestination(stream, health);
}

/** Routes a destination's failures into `health` instead of an unhandled `error` event. */
export function watchDestination<T extends ObservableDestination>(stream: T, health: LogHealth): T {
  stream.on('error', (error) => health.failed(error));
  stream.on('write', () => health.written());
  stream.on('drop', () => health.dropped());
  return stream;
}
