/**
 * Maps times of a recorded call onto the clock of its replay by the scenario runner. The runner does at
 * once what the admin took time to do: it presses keys as soon as the flow asks for them and accepts
 * offers as soon as they ring, while an agent set to ignore offers lets them ring until their timeout.
 * Each of these moves everything after it earlier (or later) in the replay; waits and agents' times
 * in the scenario are measured on the replay's clock, so the runner reaches the same points.
 */
export class ReplayClock {
  private readonly shifts: { at: number; ms: number }[] = [];

  /** `start`: epoch ms of the call's start (the scenario's `call.at`). */
  constructor(readonly start: number) {}

  /** From `at` (epoch ms of the recording) on, the replay runs `ms` earlier (negative: later). */
  shift(at: number, ms: number): void {
    if (ms !== 0) this.shifts.push({ at, ms });
  }

  /** Seconds from the start of the replay at which it reaches what the recording did at `at`. */
  seconds(at: number): number {
    let ms = at - this.start;
    for (const s of this.shifts) if (s.at <= at) ms -= s.ms;
    return ms / 1000;
  }
}
