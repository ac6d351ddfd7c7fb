import type { RequestHandler } from 'express';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** One registry per service instance, so that tests can run several services in one process. */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly contactsActive: Gauge;
  readonly stepsTotal: Counter;
  readonly errorsTotal: Counter<'code'>;
  readonly publishTotal: Counter;
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;

  constructor(options: { defaultMetrics?: boolean } = {}) {
    const registers = [this.registry];
    if (options.defaultMetrics)
      collectDefaultMetrics({ register: this.registry, prefix: 'callflow_process_' });
    this.contactsActive = new Gauge({
      name: 'callflow_contacts_active',
      help: 'Contacts currently running a flow.',
      registers,
    });
    this.stepsTotal = new Counter({
      name: 'callflow_contact_steps_total',
      help: 'Contact engine steps (events handled); rate() of it is the step rate.',
      registers,
    });
    this.errorsTotal = new Counter({
      name: 'callflow_errors_total',
      help: 'Errors by stable code: API errors and contact runtime errors.',
      labelNames: ['code'],
      registers,
    });
    this.publishTotal = new Counter({
      name: 'callflow_publish_total',
      help: 'Flow versions published.',
      registers,
    });
    this.httpDuration = new Histogram({
      name: 'callflow_http_request_duration_seconds',
      help: 'HTTP request latency by route template.',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
  }

  /**
   * Calls the Twilio adapter holds in memory: live ones, and ended ones kept a while for Twilio's
   * retries. A growing `ended` count means calls end faster than the retention lets them go.
   */
  trackTwilioCalls(read: () => { live: number; ended: number }): void {
    new Gauge({
      name: 'callflow_twilio_calls_retained',
      help: 'Calls the Twilio adapter holds in memory, by state (live, or ended and kept for retries).',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const calls = read();
        this.set({ state: 'live' }, calls.live);
        this.set({ state: 'ended' }, calls.ended);
      },
    });
  }

  /** Labels by route template (`/api/flows/:id`), never the raw URL, so cardinality stays bounded. */
  httpTimer(): RequestHandler {
    return (req, res, next) => {
      const end = this.httpDuration.startTimer();
      res.on('finish', () => {
        const route = req.route?.path;
        end({
          method: req.method,
          route: typeof route === 'string' ? route : 'unmatched',
          status: res.statusCode,
        });
      });
      next();
    };
  }
}
