import { accountDialOptions, checkDialNumber, dialString, ownEntry, type Resources } from '@callflow/model';
import { runtimeRoutes as API } from '@callflow/model/api-contract';
import { CENTER_AT_CAPACITY, isContactOver } from '@callflow/runtime';
import type { Express } from 'express';
import { apiError } from '../http/api-error.js';
import { route } from '../http/contract-route.js';
import type { ContactHost } from '../runtime-host/contact-host.js';
import type { CallbackRow } from '../runtime-host/contact-repository.js';

/** Checks a callback number against the account's region and country allowlist (toll fraud). */
export function callbackNumber(number: string, resources: Resources): string {
  const check = checkDialNumber(number, accountDialOptions(resources.account));
  if (!check.ok) {
    throw apiError('invalid_number', check.message, { path: '/number', reason: check.reason });
  }
  return dialString(check);
}

/**
 * An agent-initiated callback places a call at once: refused while the center is at its maximum
 * concurrent calls (queued callbacks wait for a free line instead).
 */
export function refuseAtCapacity(host: ContactHost): void {
  const capacity = host.capacity();
  if (!capacity.atCapacity) return;
  throw apiError(
    'center_at_capacity',
    `The center has ${capacity.liveCalls} live calls, its maximum of ${capacity.limit} (resources.account.maxConcurrentCalls); try again when a call ends.`,
    { reason: CENTER_AT_CAPACITY, limit: capacity.limit, liveCalls: capacity.liveCalls },
  );
}

/** A callback request as the API shows it: why it waits, when its turn came without a free line. */
export function callbackView(host: ContactHost, row: CallbackRow) {
  return { ...row, waitReason: host.snapshot(row.id)?.callback?.waitReason ?? null };
}

export function callbackRoutes(app: Express, host: ContactHost, resources: () => Resources): void {
  route(app, API.listCallbacks, (_input, _req, res) => {
    res.json(host.repository.callbacks().map((row) => callbackView(host, row)));
  });

  route(app, API.requestCallback, ({ body }, req, res) => {
    const current = resources();
    if (!ownEntry(current.queues, body.queue)) {
      throw apiError('queue_not_found', `There is no queue "${body.queue}" in the resources file.`, {
        path: '/queue',
        queues: Object.keys(current.queues),
      });
    }
    const number = callbackNumber(body.number, current);
    const s = host.webCallback({ ...body, number }, req.principal?.name ?? 'unknown');
    const row = host.repository.callback(s.contactId);
    res.status(201).json(row && callbackView(host, row));
  });

  route(app, API.cancelCallback, ({ params: { id } }, req, res) => {
    const found = host.repository.callback(id);
    if (!found || found.status === 'cancelled' || isContactOver(found)) {
      throw apiError('callback_not_found', `There is no callback request "${id}".`, { id });
    }
    host.cancelCallback(id, req.principal?.name ?? 'unknown');
    res.status(204).end();
  });
}
