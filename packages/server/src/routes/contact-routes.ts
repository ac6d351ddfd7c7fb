import type { Express } from 'express';
import { ApiError } from '../http/api-error.js';
import { checkFields, param, requireObjectBody } from '../http/request.js';
import type { FlowService } from '../publishing/flow-service.js';
import type { ContactHost } from '../runtime-host/contact-host.js';
import { contactView, traceView } from '../runtime-host/contact-view.js';
import { saveVariable } from './variable-save.js';

const CALLER_EVENTS = ['digits', 'hangUp', 'consult'] as const;

/** `?after=<seq>`: a non-negative integer; absent means from the start. */
function afterOf(value: unknown): number {
  if (value === undefined) return 0;
  if (typeof value === 'string' && /^\d{1,15}$/.test(value)) return Number(value);
  throw new ApiError(400, 'invalid_query', '"after" must be a non-negative integer (a log entry\'s seq).', {
    parameter: 'after',
    value: typeof value === 'string' ? value : null,
  });
}

export function contactRoutes(app: Express, host: ContactHost, flows: FlowService): void {
  const published = flows.published;
  const find = (id: string) => {
    const s = host.snapshot(id);
    if (!s) throw new ApiError(404, 'contact_not_found', `There is no contact "${id}".`, { id });
    return s;
  };

  app.get('/api/contacts', (_req, res) => {
    res.json(host.activeContacts().map((s) => contactView(s, published)));
  });

  app.post('/api/contacts', async (req, res) => {
    const body = checkFields<{ flow: string; from?: string; to: string }>(
      requireObjectBody(req, '{ flow, from, to }'),
      {
        flow: { type: 'string', required: true, maxLength: 64 },
        from: { type: 'string', maxLength: 32 },
        to: { type: 'string', required: true, maxLength: 32 },
      },
    );
    if (published.liveNumber(body.flow) === undefined) {
      if (!(await flows.store.get(body.flow))) {
        throw new ApiError(404, 'flow_not_found', `There is no flow "${body.flow}".`, { id: body.flow });
      }
      throw new ApiError(
        409,
        'flow_not_published',
        `Flow "${body.flow}" has no live version: publish it first.`,
        {
          id: body.flow,
        },
      );
    }
    const s = host.startCall(
      body.from === undefined
        ? { flow: body.flow, to: body.to }
        : { flow: body.flow, from: body.from, to: body.to },
    );
    res.status(201).json({ contactId: s.contactId, version: s.version });
  });

  app.get('/api/contacts/:id', (req, res) => {
    res.json(contactView(find(param(req, 'id')), published));
  });

  app.get('/api/contacts/:id/trace', (req, res) => {
    const id = param(req, 'id');
    res.json(traceView(find(id), host.repository.trace(id), published));
  });

  app.get('/api/contacts/:id/log', (req, res) => {
    const id = param(req, 'id');
    const after = afterOf(req.query.after);
    find(id);
    res.json({ contactId: id, ...host.callLog.read(id, after) });
  });

  app.post('/api/contacts/:id/events', (req, res) => {
    const id = param(req, 'id');
    const body = requireObjectBody(req, 'a caller event');
    const type = body.type;
    if (typeof type !== 'string' || !(CALLER_EVENTS as readonly string[]).includes(type)) {
      throw new ApiError(400, 'invalid_event', `"type" must be one of ${CALLER_EVENTS.join(', ')}.`, {
        allowed: CALLER_EVENTS,
      });
    }
    const before = find(id);
    if (before.status === 'ended' || before.status === 'transferred') {
      throw new ApiError(
        409,
        'contact_ended',
        `Contact "${id}" has ended (${before.endReason ?? before.status}).`,
        { id },
      );
    }
    let after: ReturnType<ContactHost['send']>;
    if (type === 'digits') {
      const { digits } = checkFields<{ type: string; digits: string }>(body, {
        type: { type: 'string', required: true },
        digits: { type: 'string', required: true, maxLength: 32 },
      });
      if (!/^[0-9*#]+$/.test(digits)) {
        throw new ApiError(400, 'invalid_event', 'Digits are 0-9, * and #.', { path: '/digits' });
      }
      after = host.send(id, { type: 'digits', digits });
    } else if (type === 'consult') {
      const { active } = checkFields<{ type: string; active: boolean }>(body, {
        type: { type: 'string', required: true },
        active: { type: 'boolean', required: true },
      });
      after = host.send(id, { type: 'consult', active });
    } else {
      checkFields(body, { type: { type: 'string', required: true } });
      after = host.send(id, { type: 'hangUp' });
    }
    res.json({ state: contactView(after ?? before, published) });
  });

  app.patch('/api/contacts/:id/variables/:name', (req, res) => {
    const id = param(req, 'id');
    const name = param(req, 'name');
    const body = checkFields<{ value: unknown; version: number; agent?: string }>(
      requireObjectBody(req, '{ value, version }'),
      {
        value: { type: 'any', required: true },
        version: { type: 'integer', required: true },
        agent: { type: 'string', maxLength: 64 },
      },
    );
    const agent = body.agent ?? req.principal?.name ?? 'unknown';
    res.json(saveVariable(host, find(id), agent, name, body.value, body.version));
  });
}
