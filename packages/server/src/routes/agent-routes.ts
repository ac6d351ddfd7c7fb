import type { Resources } from '@callflow/model';
import type { AgentState } from '@callflow/runtime';
import type { Express, Request } from 'express';
import { ApiError } from '../http/api-error.js';
import { checkFields, param, requireObjectBody } from '../http/request.js';
import type { ContactHost } from '../runtime-host/contact-host.js';
import { callbackNumber, refuseAtCapacity } from './callback-routes.js';

const SETTABLE_STATES = ['Available', 'Offline', 'Busy'] as const;

export function agentRoutes(app: Express, host: ContactHost, resources: () => Resources): void {
  const view = (name: string) => {
    const agent = host.acd.agents.get(name);
    const resource = resources().agents[name];
    const offer = host.offerOf(name);
    return {
      name,
      displayName: resource?.displayName ?? name,
      groups: agent?.groups ?? [],
      state: agent?.state ?? 'Offline',
      contactId: agent?.contactId ?? null,
      offer: offer
        ? {
            contactId: agent?.contactId ?? null,
            queue: offer.queue,
            title: offer.title,
            popover: offer.popover,
          }
        : null,
    };
  };
  const agentOf = (req: Request): string => {
    host.syncAgents();
    const name = param(req, 'name');
    if (!host.acd.agents.has(name))
      throw new ApiError(404, 'agent_not_found', `There is no agent "${name}".`, { name });
    return name;
  };

  app.get('/api/agents', (_req, res) => {
    host.syncAgents();
    res.json([...host.acd.agents.keys()].sort().map(view));
  });

  app.post('/api/agents/:name/state', (req, res) => {
    const name = agentOf(req);
    const { state } = checkFields<{ state: AgentState }>(requireObjectBody(req, '{ state }'), {
      state: { type: 'string', required: true, enum: SETTABLE_STATES },
    });
    const agent = host.acd.agents.get(name);
    if (agent?.state === 'Busy' && agent.contactId && state !== 'Busy') {
      throw new ApiError(409, 'agent_busy', `${name} is on a call; end it and wrap up first.`, { name });
    }
    host.setAgentState(name, state);
    res.json(view(name));
  });

  app.post('/api/agents/:name/accept', (req, res) => {
    const name = agentOf(req);
    if (!host.accept(name)) throw new ApiError(409, 'no_offer', `${name} has no offer to accept.`, { name });
    res.json(view(name));
  });

  app.post('/api/agents/:name/wrap-up', (req, res) => {
    const name = agentOf(req);
    const { reason } = checkFields<{ reason: string }>(requireObjectBody(req, '{ reason }'), {
      reason: { type: 'string', required: true, maxLength: 100 },
    });
    const agent = host.acd.agents.get(name);
    if (agent?.state !== 'WrapUp') {
      throw new ApiError(409, 'agent_busy', `${name} is not in wrap-up (state ${agent?.state}).`, { name });
    }
    host.wrapUp(name, reason);
    res.json(view(name));
  });

  app.post('/api/agents/:name/transfer', (req) => {
    const name = agentOf(req);
    checkFields<{ to: string }>(requireObjectBody(req, '{ to }'), {
      to: { type: 'string', required: true, maxLength: 64 },
    });
    throw new ApiError(
      409,
      'transfer_refused',
      `${name}'s contact cannot be transferred by the simulator host yet; use a Transfer block in the flow.`,
      { name },
    );
  });

  app.post('/api/agents/:name/callbacks', (req, res) => {
    const name = agentOf(req);
    const body = checkFields<{ number: string }>(requireObjectBody(req, '{ number }'), {
      number: { type: 'string', required: true, maxLength: 32 },
    });
    const agent = host.acd.agents.get(name);
    if (agent?.contactId) throw new ApiError(409, 'agent_busy', `${name} is already on a contact.`, { name });
    const number = callbackNumber(body.number, resources());
    refuseAtCapacity(host);
    const s = host.agentCallback({ agent: name, number }, req.principal?.name ?? 'unknown');
    res.status(201).json(host.repository.callback(s.contactId));
  });
}
