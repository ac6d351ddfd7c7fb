import { ownEntry, type Resources } from '@callflow/model';
import { runtimeRoutes as API } from '@callflow/model/api-contract';
import {
  AGENT_NOT_AVAILABLE,
  callPlacingRefusal,
  checkCallerIdPick,
  type TransferTarget,
} from '@callflow/runtime';
import type { Express } from 'express';
import { apiError } from '../http/api-error.js';
import { route } from '../http/contract-route.js';
import type { ContactHost } from '../runtime-host/contact-host.js';
import type { PublishedVersions } from '../store/published-versions.js';
import { previewAgentCallerId } from './agent-caller-id-preview.js';
import { agentContactView, agentDesktop } from './agent-desktop-view.js';
import { callbackNumber, callbackView, refuseAtCapacity } from './callback-routes.js';
import { saveVariable } from './variable-save.js';

/** The number an agent picked for a call: refused (422 caller_id_not_allowed) unless they may present it. */
function pickedCallerId(resources: Resources, agent: string, pick: string): string {
  const checked = checkCallerIdPick(resources, agent, pick);
  if (!checked.ok) {
    throw apiError('caller_id_not_allowed', `${checked.why}; nothing was placed.`, {
      path: '/callerId',
      callerId: pick,
      allowed: checked.allowed,
    });
  }
  return checked.numberName;
}

export function agentRoutes(
  app: Express,
  host: ContactHost,
  resources: () => Resources,
  published: PublishedVersions,
): void {
  const consults = host.consults;
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
      pendingCallback: host.pendingCallback(name),
      consult: consults.of(name),
      // The service's clock: the desktop's ring timer counts to `ringsUntil` on it, not on its own.
      now: new Date(host.clock.now()).toISOString(),
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
  const agentOf = ({ params: { name } }: { params: { name: string } }): string => {
    host.syncAgents();
    if (!host.acd.agents.has(name))
      throw apiError('agent_not_found', `There is no agent "${name}".`, { name });
    return name;
  };

  route(app, API.listAgents, (_input, _req, res) => {
    host.syncAgents();
    res.json([...host.acd.agents.keys()].sort().map(view));
  });

  // The desktop's reads: an agent token reaches these for its own agent only (route-roles.ts).
  route(app, API.getAgent, (input, _req, res) => {
    res.json(view(agentOf(input)));
  });

  route(app, API.agentDesktop, (input, _req, res) => {
    const name = agentOf(input);
    res.json(agentDesktop(name, resources(), host.acd));
  });

  /**
   * The contact the agent is offered or connected to, or consulted on (once answered); 409 no_contact
   * when there is none.
   */
  const contactOf = (name: string) => {
    const contactId = host.acd.agents.get(name)?.contactId ?? consults.consultedContact(name);
    const s = contactId ? host.snapshot(contactId) : undefined;
    if (!s) throw apiError('no_contact', `${name} has no contact on screen.`, { name });
    return s;
  };

  route(app, API.agentContact, (input, _req, res) => {
    res.json(agentContactView(contactOf(agentOf(input)), published));
  });

  route(app, API.agentEditVariable, (input, _req, res) => {
    const name = agentOf(input);
    const { variable } = input.params;
    const { body } = input;
    const agent = host.acd.agents.get(name);
    const s = contactOf(name);
    if (agent?.offered) throw apiError('no_contact', `${name} has not accepted the contact yet.`, { name });
    res.json(saveVariable(host, s, name, variable, body.value, body.version));
  });

  route(app, API.setAgentState, (input, _req, res) => {
    const name = agentOf(input);
    const { state } = input.body;
    const agent = host.acd.agents.get(name);
    if (agent?.state === 'Busy' && agent.contactId && state !== 'Busy') {
      throw apiError('agent_busy', `${name} is on a call; end it and wrap up first.`, { name });
    }
    host.setAgentState(name, state);
    res.json(view(name));
  });

  route(app, API.acceptOffer, (input, _req, res) => {
    const name = agentOf(input);
    if (!host.accept(name)) throw apiError('no_offer', `${name} has no offer to accept.`, { name });
    res.json(view(name));
  });

  route(app, API.rejectOffer, (input, _req, res) => {
    const name = agentOf(input);
    if (!host.reject(name)) throw apiError('no_offer', `${name} has no offer to reject.`, { name });
    res.json(view(name));
  });

  route(app, API.agentHangUp, (input, _req, res) => {
    const name = agentOf(input);
    const ended = host.hangUp(name);
    if (!ended) {
      const state = host.acd.agents.get(name)?.state ?? 'Offline';
      throw apiError('no_connected_call', `${name} is not on a call to hang up (state ${state}).`, {
        name,
        state,
      });
    }
    res.json({
      agent: view(name),
      contact: { contactId: ended.contactId, status: ended.status, endReason: ended.endReason ?? null },
    });
  });

  route(app, API.wrapUp, (input, _req, res) => {
    const name = agentOf(input);
    const { reason } = input.body;
    const agent = host.acd.agents.get(name);
    if (agent?.state !== 'WrapUp') {
      throw apiError('agent_busy', `${name} is not in wrap-up (state ${agent?.state}).`, { name });
    }
    // The admin's list, when there is one, is the only choice (reports count by reason).
    const reasons = resources().account.wrapUpReasons ?? [];
    if (reasons.length > 0 && !reasons.includes(reason)) {
      throw apiError('unknown_wrap_up_reason', `"${reason}" is not one of the wrap-up reasons.`, {
        path: '/reason',
        reason,
        allowed: reasons,
      });
    }
    host.wrapUp(name, reason);
    res.json(view(name));
  });

  route(app, API.transfer, (input, _req, res) => {
    const name = agentOf(input);
    const target = input.body.to as TransferTarget;
    const pick = input.body.callerId;
    const callerId = pick === undefined ? undefined : pickedCallerId(resources(), name, pick);
    if (callerId !== undefined && !('number' in target))
      throw apiError('invalid_body', '"callerId" applies to a transfer to a number only.', {
        problems: [{ path: '/callerId', message: 'only with { "to": { "number": ... } }' }],
      });
    const answer = host.transfer(name, callerId ? { ...target, callerId } : target);
    if (answer.result === 'refused') {
      throw apiError('transfer_refused', `${name}'s contact was not transferred: ${answer.reason}.`, {
        name,
        reason: answer.reason,
      });
    }
    res.json({
      result: answer.result,
      reason: answer.reason,
      target: answer.target ?? target,
      callerId: answer.callerId ?? null,
      agent: view(name),
    });
  });

  route(app, API.agentCallback, (input, req, res) => {
    const name = agentOf(input);
    const { body } = input;
    const number = callbackNumber(body.number, resources());
    const callerId =
      body.callerId === undefined ? undefined : pickedCallerId(resources(), name, body.callerId);
    const agent = host.acd.agents.get(name);
    if (agent?.contactId) throw apiError('agent_busy', `${name} is already on a contact.`, { name });
    const refusal = agent && callPlacingRefusal(agent);
    if (agent && refusal) {
      throw apiError('agent_not_available', `${refusal}; set the agent Available first.`, {
        name,
        state: agent.state,
        reason: AGENT_NOT_AVAILABLE,
      });
    }
    refuseAtCapacity(host);
    const s = host.agentCallback(
      { agent: name, number, ...(callerId ? { agentChoice: callerId } : {}) },
      req.principal?.name ?? 'unknown',
    );
    res.status(201).json(placedView(s.contactId, { agent: name, number, callerId }));
  });

  /**
   * An agent's call as the API answers it: the callback row, with the caller-ID decision the call was
   * dialled with, or (while its outbound whisper still plays) the one it will be dialled with.
   */
  const placedView = (
    contactId: string,
    placed: { agent: string; number: string; callerId: string | undefined },
  ) => {
    const row = host.repository.callback(contactId);
    return (
      row && {
        ...callbackView(host, row),
        callerId:
          host.callerIdOf(contactId) ??
          previewAgentCallerId(host, resources(), published, {
            agent: placed.agent,
            number: placed.number,
            purpose: 'outbound',
            ...(placed.callerId !== undefined ? { agentChoice: placed.callerId } : {}),
          }),
      }
    );
  };

  // What the desktop's caller-ID picker preselects for a call to `to`, and why (nothing is placed).
  route(app, API.agentCallerId, (input, _req, res) => {
    const name = agentOf(input);
    const { to, callerId, purpose } = input.query;
    res.json(
      previewAgentCallerId(host, resources(), published, {
        agent: name,
        number: callbackNumber(to, resources()),
        ...(callerId !== undefined ? { agentChoice: callerId } : {}),
        ...(purpose !== undefined ? { purpose } : {}),
      }),
    );
  });

  // Consult another agent or a number, then complete (warm transfer) or cancel.
  const consultRefused = (name: string, reason: string) =>
    apiError('consult_refused', `${name}: ${reason}.`, { name, reason });

  route(app, API.startConsult, (input, _req, res) => {
    const name = agentOf(input);
    const { to, callerId: pick } = input.body;
    const target = 'number' in to ? { number: callbackNumber(to.number, resources()) } : { agent: to.agent };
    const callerId = pick === undefined ? undefined : pickedCallerId(resources(), name, pick);
    const answer = consults.start(name, target, callerId);
    if (!answer.ok) throw consultRefused(name, answer.reason);
    res.status(201).json({ consult: consults.of(name) });
  });

  route(app, API.acceptConsult, (input, _req, res) => {
    const name = agentOf(input);
    const answer = consults.accept(name);
    if (!answer.ok) throw consultRefused(name, answer.reason);
    res.json({ consult: consults.of(name) });
  });

  route(app, API.completeConsult, (input, _req, res) => {
    const name = agentOf(input);
    const answer = consults.complete(name);
    if (!answer.ok || !answer.transfer)
      throw consultRefused(name, answer.ok ? 'not transferred' : answer.reason);
    const transfer = answer.transfer;
    res.json({
      result: transfer.result,
      reason: transfer.reason,
      target: transfer.target,
      callerId: transfer.callerId ?? null,
      agent: view(name),
    });
  });

  route(app, API.cancelConsult, (input, _req, res) => {
    const name = agentOf(input);
    const answer = consults.cancel(name);
    if (!answer.ok) throw consultRefused(name, answer.reason);
    res.status(204).end();
  });

  // Agent-initiated callback: prompt the customer, edit, place or cancel (docs/api.md).
  route(app, API.promptCallback, (input, _req, res) => {
    const name = agentOf(input);
    const answer = host.promptCallback(name);
    if (!answer.ok) {
      const state = host.acd.agents.get(name)?.state ?? 'Offline';
      throw apiError('no_connected_call', `${name} cannot prompt a customer: ${answer.reason}.`, {
        name,
        state,
        reason: answer.reason,
      });
    }
    res.status(202).json({ pendingCallback: answer.pending });
  });

  route(app, API.editPendingCallback, (input, _req, res) => {
    const name = agentOf(input);
    const number = callbackNumber(input.body.number, resources());
    res.json({ pendingCallback: host.editPendingCallback(name, number) });
  });

  route(app, API.cancelPendingCallback, (input, _req, res) => {
    const name = agentOf(input);
    if (!host.cancelPendingCallback(name))
      throw apiError('no_pending_callback', `${name} has no callback being prepared.`, { name });
    res.status(204).end();
  });

  route(app, API.placePendingCallback, (input, req, res) => {
    const name = agentOf(input);
    const pending = host.pendingCallback(name);
    if (!pending?.number || pending.status === 'invalid' || pending.status === 'prompting') {
      throw apiError(
        'no_pending_callback',
        `${name} has no number to call back${pending ? ` (${pending.status})` : ''}: prompt the customer or type one.`,
        { name, status: pending?.status ?? null },
      );
    }
    const number = callbackNumber(pending.number, resources());
    const pick = input.body?.callerId;
    const callerId = pick === undefined ? undefined : pickedCallerId(resources(), name, pick);
    const agent = host.acd.agents.get(name);
    if (agent?.offered) throw apiError('agent_busy', `${name} has a contact offered.`, { name });
    // On the call (Busy) or after it (WrapUp) the agent may call the customer back; else as any call.
    const refusal =
      agent && agent.state !== 'Busy' && agent.state !== 'WrapUp' ? callPlacingRefusal(agent) : undefined;
    if (agent && refusal) {
      throw apiError('agent_not_available', `${refusal}; set the agent Available first.`, {
        name,
        state: agent.state,
        reason: AGENT_NOT_AVAILABLE,
      });
    }
    refuseAtCapacity(host);
    const s = host.placePendingCallback(name, number, callerId, req.principal?.name ?? 'unknown');
    res.status(201).json(placedView(s.contactId, { agent: name, number, callerId }));
  });
}
