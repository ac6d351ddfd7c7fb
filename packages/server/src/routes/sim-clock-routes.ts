import { serviceRoutes as API } from '@callflow/model/api-contract';
import type { Express } from 'express';
import { apiError } from '../http/api-error.js';
import { route } from '../http/contract-route.js';
import type { WallClock } from '../runtime-host/wall-clock.js';

/**
 * `POST /api/sim/clock { skipSeconds }`: skips the simulated service's clock forward, so a test (a
 * browser test of RONA, say) reaches a timer without waiting for it. Refused unless the service runs
 * with CALLFLOW_SIM_CLOCK_CONTROL=on, which Twilio's real calls never do.
 */
export function simClockRoutes(app: Express, clock: WallClock, enabled: boolean): void {
  route(app, API.simClock, ({ body }, _req, res) => {
    if (!enabled) {
      throw apiError(
        'clock_control_off',
        'The clock is not under test control: start the simulated service with CALLFLOW_SIM_CLOCK_CONTROL=on.',
      );
    }
    clock.skip(body.skipSeconds);
    res.json({ now: new Date(clock.now()).toISOString() });
  });
}
