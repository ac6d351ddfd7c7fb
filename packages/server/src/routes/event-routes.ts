import { serviceRoutes as API } from '@callflow/model/api-contract';
import type { Express, Request } from 'express';
import { apiError } from '../http/api-error.js';
import { route } from '../http/contract-route.js';
import type { EventBus, LiveEvent } from '../ops/event-bus.js';
import type { StreamCounter } from '../security/limits.js';

const HEARTBEAT_MS = 15_000;

/**
 * Server-Sent Events: one `event: <type>` message per live event, with an increasing id. A comment
 * line every 15 s keeps proxies from closing an idle stream. Secure variable values never travel here:
 * contact events carry redacted state only. A token holds at most `streams.perToken` streams at once.
 */
export function eventRoutes(
  app: Express,
  events: EventBus,
  onOpen: (close: () => void) => () => void,
  streams: StreamCounter,
  /** Which events a caller's stream carries (an agent token: its own); undefined means all. */
  visibleTo: (req: Request) => ((event: LiveEvent) => boolean) | undefined = () => undefined,
): void {
  route(app, API.events, (_input, req, res) => {
    const holder = req.principal?.name ?? '';
    if (!streams.open(holder)) {
      throw apiError(
        'too_many_streams',
        `This token already has ${streams.perToken} event streams open; close one (another tab?) first.`,
        { limit: streams.perToken },
      );
    }
    let counted = true;
    const release = (): void => {
      if (counted) streams.close(holder);
      counted = false;
    };
    res.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    res.write('retry: 2000\n: connected\n\n');
    const visible = visibleTo(req);
    const unsubscribe = events.subscribe(({ id, at, event }) => {
      if (visible && !visible(event)) return;
      res.write(`id: ${id}\nevent: ${event.type}\ndata: ${JSON.stringify({ ...event, at })}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    const close = (): void => {
      clearInterval(heartbeat);
      unsubscribe();
      untrack();
      release();
      res.end();
    };
    const untrack = onOpen(close);
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      untrack();
      release();
    });
  });
}
