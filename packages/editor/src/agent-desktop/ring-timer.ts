/**
 * The ring timer counts down to the offer's `ringsUntil`, a time on the service's clock. The browser's
 * clock may differ (another machine, or a test clock skipped forward), so the desktop keeps the
 * difference between the two, read from the agent's answer (`now`), and counts on the service's time:
 * a reloaded desktop shows the seconds really left, not the whole ring again.
 */

/**
 * How far the service's clock is ahead of this browser's (ms), from an answer whose `now` was read
 * between `sentAt` and `receivedAt` (this browser's clock): the middle of the request stands for the
 * moment the service answered.
 */
export function clockOffset(serviceNow: string | undefined, sentAt: number, receivedAt: number): number {
  const at = serviceNow ? Date.parse(serviceNow) : Number.NaN;
  return Number.isNaN(at) ? 0 : at - (sentAt + receivedAt) / 2;
}

/** Whole seconds left before `ringsUntil` (service time) when this browser's clock reads `browserNow`. */
export function ringSecondsLeft(ringsUntil: string, offsetMs: number, browserNow: number): number {
  return Math.max(0, Math.ceil((Date.parse(ringsUntil) - (browserNow + offsetMs)) / 1000));
}
