import { ownEntry, type Resources } from '@callflow/model';
import {
  AGENT_NOT_AVAILABLE,
  type AgentState,
  callPlacingRefusal,
  type TransferTarget,
} from '@callflow/runtime';
import type { Express, Request } from 'express';
import { ApiError } from '../http/api-error.js';
import { checkFields, param, requireObjectBody } from '../http/request.js';
import type { ContactHost } from '../runtime-host/contact-host.js';
import type { PublishedVersions } from '../store/published-versions.js';
import { agentContactView, agentDesktop } from './agent-desktop-view.js';
import { callbackNumber, refuseAtCapacity } from './callback-routes.js';
import { saveVariable } from './variable-save.js';

const TARGET_KINDS = ['queue', 'agent', 'number'] as const;

/** `{ queue }`, `{ agent }` or `{ number }`: exactly one, a non-empty string. */
function transferTarget(to: unknown): TransferTarget {
  const invalid = (message: string) =>
    new ApiError(400, 'invalid_body', message, { problems: [{ path: '/to', message }] });
  if (to === null || typeof to !== 'object' || Array.isArray(to))
    throw invalid('"to" must be an object: { "queue": name }, { "agent": name } or { "number": digits }.');
  const keys = Object.keys(to);
  const kind = TARGET_KINDS.find((k) => keys.length === 1 && keys[0] === k);
  const value = kind ? (to as Record<string, unknown>)[kind] : undefined;
  if (!kind) throw invalid('"to" must have exactly one of "queue", "agent" or "number".');
  if (typeof value !== 'string' || value.trim() === '' || value.length > 64)
    throw invalid(`"to.${kind}" must be a non-empty string of at most 64 characters.`);
  return { [kind]: value } as TransferTarget;
}

/** An action without parameters takes no body, or a JSON object with no fields. */
function optionalObjectBody(req: Request): Record<string, unknown> {
  const empty = !req.get('content-type') || req.get('content-length') === '0';
  if (req.body === undefined && empty) return {};
  return requireObjectBody(req, 'no body, or {}');
}

const SETTABLE_STATES = ['Available', 'Offline', 'Busy'] as const;

export function agentRoutes(
  app: Express,
  host: ContactHost,
  resources: () => Resources,
  published: PublishedVersions,
): void {
  const view = (name: string) => {
    const agent = host.acd.agents.get(name);
    const resource = ownEntry(resources().agents, name);
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
            // The desktop's ring timer: how long the offer rings, and when it rings out (RONA).
            timeoutSeconds: offer.timeoutSeconds,
            ringsUntil: ringsUntil(agent?.contactId),
          }
        : null,
    };
  };
  const ringsUntil = (contactId: string | undefined): string | null => {
    const s = contactId ? host.snapshot(contactId) : undefined;
    const timer = s?.timers.find((t) => t.id === s.queue?.offer?.timerId);
    return timer ? new Date(timer.at).toISOString() : null;
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

  // The desktop's reads: an agent token reaches these for its own agent only (route-roles.ts).
  app.get('/api/agents/:name', (req, res) => {
    res.json(view(agentOf(req)));
  });

  app.get('/api/agents/:name/desktop', (req, res) => {
    const name = agentOf(req);
    res.json(agentDesktop(name, resources(), host.acd));
  });

  /** The contact the agent is offered or connected to; 409 no_contact when there is none. */
  const contactOf = (name: string) => {
    const contactId = host.acd.agents.get(name)?.contactId;
    const s = contactId ? host.snapshot(contactId) : undefined;
    if (!s) throw new ApiError(409, 'no_contact', `${name} has no contact on screen.`, { name });
    return s;
  };

  app.get('/api/agents/:name/contact', (req, res) => {
    res.json(agentContactView(contactOf(agentOf(req)), published));
  });

  app.patch('/api/agents/:name/contact/variables/:variable', (req, res) => {
    const name = agentOf(req);
    const variable = param(req, 'variable');
    const body = checkFields<{ value: unknown; version: number }>(
      requireObjectBody(req, '{ value, version }'),
      {
        value: { type: 'any', required: true },
        version: { type: 'integer', required: true },
      },
    );
    const agent = host.acd.agents.get(name);
    const s = contactOf(name);
    if (agent?.offered)
      throw new ApiError(409, 'no_contact', `${name} has not accepted the contact yet.`, { name });
    res.json(saveVariable(host, s, name, variable, body.value, body.version));
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

  app.post('/api/agents/:name/reject', (req, res) => {
    const name = agentOf(req);
    checkFields(optionalObjectBody(req), {});
    if (!host.reject(name)) throw new ApiError(409, 'no_offer', `${name} has no offer to reject.`, { name });
    res.json(view(name));
  });

  app.post('/api/agents/:name/hangup', (req, res) => {
    const name = agentOf(req);
    checkFields(optionalObjectBody(req), {});
    const ended = host.hangUp(name);
    if (!ended) {
      const state = host.acd.agents.get(name)?.state ?? 'Offline';
      throw new ApiError(409, 'no_connected_call', `${name} is not on a call to hang up (state ${state}).`, {
        name,
        state,
      });
    }
    res.json({
      agent: view(name),
      contact: { contactId: ended.contactId, status: ended.status, endReason: ended.endReason ?? null },
    });
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

  app.post('/api/agents/:name/transfer', (req, res) => {
    const name = agentOf(req);
    const { to } = checkFields<{ to: unknown }>(requireObjectBody(req, '{ to }'), {
      to: { type: 'any', required: true },
    });
    const target = transferTarget(to);
    const answer = host.transfer(name, target);
    if (answer.result === 'refused') {
      throw new ApiError(
        409,
        'transfer_refused',
        `${name}'s contact was not transferred: ${answer.reason}.`,
        {
          name,
          reason: answer.reason,
        },
      );
    }
    res.json({
      result: answer.result,
      reason: answer.reason,
      target: answer.target ?? target,
      agent: view(name),
    });
  });

  app.post('/api/agents/:name/callbacks', (req, res) => {
    const name = agentOf(req);
    const body = checkFields<{ number: string }>(requireObjectBody(req, '{ number }'), {
      number: { type: 'string', required: true, maxLength: 32 },
    });
    const number = callbackNumber(body.number, resources());
    const agent = host.acd.agents.get(name);
    if (agent?.contactId) throw new ApiError(409, 'agent_busy', `${name} is already on a contact.`, { name });
    const refusal = agent && callPlacingRefusal(agent);
    if (agent && refusal) {
      throw new ApiError(409, 'agent_not_available', `${refusal}; set the agent Available first.`, {
        name,
        state: agent.state,
        reason: AGENT_NOT_AVAILABLE,
      });
    }
    refuseAtCapacity(host);
    const s = host.agentCallback({ agent: name, number }, req.principal?.name ?? 'unknown');
    res.status(201).json(host.repository.callback(s.contactId));
  });
}
