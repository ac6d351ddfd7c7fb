import type { Express } from 'express';
import { ApiError } from '../http/api-error.js';
import { checkFields, requireObjectBody } from '../http/request.js';
import type { WallClock } from '../runtime-host/wall-clock.js';

/** At most a day per request: enough for any ring, queue or callback timer a test reaches. */
const MAX_SKIP_SECONDS = 86_400;

/**
 * `POST /api/sim/clock { skipSeconds }`: skips the simulated service's clock forward, so a test (a
 * browser test of RONA, say) reaches a timer without waiting for it. Refused unless the service runs
 * with CALLFLOW_SIM_CLOCK_CONTROL=on, which Twilio's real calls never do.
 */
export function simClockRoutes(app: Express, clock: WallClock, enabled: boolean): void {
  app.post('/api/sim/clock', (req, res) => {
    if (!enabled) {
      throw new ApiError(
        409,
        'clock_control_off',
        'The clock is not under test control: start the simulated service with CALLFLOW_SIM_CLOCK_CONTROL=on.',
      );
    }
    const { skipSeconds } = checkFields<{ skipSeconds: number }>(requireObjectBody(req, '{ skipSeconds }'), {
      skipSeconds: { type: 'integer', required: true },
    });
    if (skipSeconds < 1 || skipSeconds > MAX_SKIP_SECONDS) {
      const message = `"skipSeconds" must be from 1 to ${MAX_SKIP_SECONDS}.`;
      throw new ApiError(400, 'invalid_body', message, { problems: [{ path: '/skipSeconds', message }] });
    }
    clock.skip(skipSeconds);
    res.json({ now: new Date(clock.now()).toISOString() });
  });
}
