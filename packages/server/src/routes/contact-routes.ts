import { runtimeRoutes as API } from '@callflow/model/api-contract';
import { isContactOver } from '@callflow/runtime';
import type { Express } from 'express';
import { apiError } from '../http/api-error.js';
import { route } from '../http/contract-route.js';
import type { FlowService } from '../publishing/flow-service.js';
import type { ContactHost } from '../runtime-host/contact-host.js';
import { contactView, traceView } from '../runtime-host/contact-view.js';
import { saveVariable } from './variable-save.js';

export function contactRoutes(app: Express, host: ContactHost, flows: FlowService): void {
  const published = flows.published;
  const find = (id: string) => {
    const s = host.snapshot(id);
    if (!s) throw apiError('contact_not_found', `There is no contact "${id}".`, { id });
    return s;
  };

  route(app, API.listContacts, (_input, _req, res) => {
    res.json(host.activeContacts().map((s) => contactView(s, published)));
  });

  route(app, API.startContact, async ({ body }, _req, res) => {
    if (published.liveNumber(body.flow) === undefined) {
      if (!(await flows.store.get(body.flow))) {
        throw apiError('flow_not_found', `There is no flow "${body.flow}".`, { id: body.flow });
      }
      throw apiError('flow_not_published', `Flow "${body.flow}" has no live version: publish it first.`, {
        id: body.flow,
      });
    }
    const s = host.startCall(
      body.from === undefined
        ? { flow: body.flow, to: body.to }
        : { flow: body.flow, from: body.from, to: body.to },
    );
    res.status(201).json({ contactId: s.contactId, version: s.version });
  });

  route(app, API.getContact, ({ params }, _req, res) => {
    res.json(contactView(find(params.id), published));
  });

  route(app, API.contactTrace, ({ params: { id } }, _req, res) => {
    res.json(traceView(find(id), host.repository.trace(id), published));
  });

  route(app, API.contactLog, ({ params: { id }, query }, _req, res) => {
    find(id);
    res.json({ contactId: id, ...host.callLog.read(id, query.after ?? 0) });
  });

  route(app, API.contactEvent, ({ params: { id }, body }, _req, res) => {
    // The step reads the contact (once); only an event that stepped nothing needs to read it to answer.
    const answer = host.handle(id, body);
    if (!answer) throw apiError('contact_not_found', `There is no contact "${id}".`, { id });
    const s = answer.snapshot;
    if (!answer.stepped && isContactOver(s)) {
      throw apiError('contact_ended', `Contact "${id}" has ended (${s.endReason ?? s.status}).`, { id });
    }
    res.json({ state: contactView(s, published) });
  });

  route(app, API.editVariable, ({ params: { id, name }, body }, req, res) => {
    const agent = body.agent ?? req.principal?.name ?? 'unknown';
    res.json(saveVariable(host, find(id), agent, name, body.value, body.version));
  });
}
