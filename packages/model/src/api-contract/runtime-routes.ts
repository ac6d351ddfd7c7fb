/** The runtime routes: contacts, callbacks and agents (docs/api.md "Contacts, callbacks, agents"). */
import { z } from 'zod';
import {
  type AGENT_STATES,
  agent,
  agentContact,
  agentDesktop,
  callback,
  callerIdDecision,
  callLog,
  consult,
  contactState,
  hangUpResult,
  pendingCallback,
  trace,
  transferResult,
  transferTarget,
} from './contact-schemas.js';
import { READERS, READERS_AND_AGENT, WRITERS, WRITERS_AND_AGENT } from './roles.js';
import { defineRoute } from './route.js';

const json = <T extends z.ZodType>(schema: T, description = 'OK') => ({ description, schema });
const contactParams = z.object({ id: z.string().meta({ description: 'Contact id.' }) });
const agentParams = z.object({
  name: z.string().meta({ description: 'Agent name from the resources file.' }),
});
/** A number an agent picks to present: a number name or its E.164. */
const callerIdPick = z.string().max(32);
/** The kinds of call an agent places, as the caller-ID preview names them. */
export const AGENT_CALL_PURPOSES = ['outbound', 'callback', 'transfer', 'consult'] as const;
/** An action without parameters takes no body, or a JSON object with no fields. */
const noFields = z.strictObject({});

/** The caller events a client may send; the engine's other events come from telephony. */
export const callerEvent = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('digits'), digits: z.string().regex(/^[0-9*#]{1,32}$/) }),
    z.strictObject({ type: z.literal('hangUp') }),
    z.strictObject({
      type: z.literal('consult'),
      active: z.boolean().meta({ description: 'The agent starts (true) or ends (false) a consultation.' }),
    }),
  ])
  .meta({ id: 'CallerEvent' });

export const runtimeRoutes = {
  listContacts: defineRoute({
    method: 'GET',
    path: '/api/contacts',
    roles: READERS,
    summary: 'Active contacts.',
    responses: { 200: json(z.array(contactState)) },
    errors: [],
  }),
  startContact: defineRoute({
    method: 'POST',
    path: '/api/contacts',
    roles: WRITERS,
    summary: 'Starts a simulated contact on the live published version of a flow.',
    body: z.strictObject({
      flow: z.string().max(64),
      from: z.string().max(32).optional(),
      to: z.string().max(32),
    }),
    responses: {
      201: json(z.strictObject({ contactId: z.string(), version: z.number().int() }), 'Started'),
    },
    errors: [
      'invalid_body',
      'unsupported_media_type',
      'flow_not_found',
      'flow_not_published',
      'center_at_capacity',
    ],
  }),
  getContact: defineRoute({
    method: 'GET',
    path: '/api/contacts/:id',
    roles: READERS,
    summary: 'State of a contact; secure variables are redacted.',
    params: contactParams,
    responses: { 200: json(contactState) },
    errors: ['contact_not_found'],
  }),
  contactTrace: defineRoute({
    method: 'GET',
    path: '/api/contacts/:id/trace',
    roles: READERS,
    summary: 'The steps of a contact (block, event, outcome, time); secure values redacted.',
    params: contactParams,
    responses: { 200: json(trace) },
    errors: ['contact_not_found'],
  }),
  contactLog: defineRoute({
    method: 'GET',
    path: '/api/contacts/:id/log',
    roles: READERS,
    summary:
      "What was said and done on the contact's line: the commands the host carried out and the events it stepped, in order, secure values masked. In memory per process: empty for a contact this process has not run (or has forgotten).",
    params: contactParams,
    query: z.object({
      after: z
        .string()
        .regex(/^\d{1,15}$/)
        .transform(Number)
        .optional()
        .meta({ description: 'Only entries with a greater seq (poll with the last seq read).' }),
    }),
    responses: { 200: json(callLog) },
    errors: ['invalid_query', 'contact_not_found'],
  }),
  contactEvent: defineRoute({
    method: 'POST',
    path: '/api/contacts/:id/events',
    roles: WRITERS,
    summary: 'Sends a caller event to the contact and returns its state after the step.',
    params: contactParams,
    body: callerEvent,
    bodyCode: 'invalid_event',
    responses: { 200: json(z.strictObject({ state: contactState })) },
    errors: ['invalid_event', 'unsupported_media_type', 'contact_not_found', 'contact_ended'],
  }),
  editVariable: defineRoute({
    method: 'PATCH',
    path: '/api/contacts/:id/variables/:name',
    roles: WRITERS,
    summary:
      'An agent edits a contact variable. The first save wins; a stale version gets 409 with the current value.',
    params: z.object({ id: z.string(), name: z.string().meta({ description: 'Variable name.' }) }),
    body: z.strictObject({
      value: z.unknown().refine((value) => value !== undefined, 'is required'),
      version: z.number().int(),
      agent: z.string().max(64).optional(),
    }),
    responses: { 200: json(z.strictObject({ value: z.unknown(), version: z.number().int() })) },
    errors: [
      'invalid_body',
      'unsupported_media_type',
      'contact_not_found',
      'contact_ended',
      'variable_conflict',
      'variable_not_editable',
      'invalid_value',
    ],
  }),
  listCallbacks: defineRoute({
    method: 'GET',
    path: '/api/callbacks',
    roles: READERS,
    summary: 'Callback requests still to be placed.',
    responses: { 200: json(z.array(callback)) },
    errors: [],
  }),
  requestCallback: defineRoute({
    method: 'POST',
    path: '/api/callbacks',
    roles: WRITERS,
    summary:
      "A web callback request: the number is validated against the account's region and country allowlist.",
    body: z.strictObject({
      name: z.string().max(100).optional(),
      number: z.string().max(32),
      queue: z.string().max(64),
    }),
    responses: { 201: json(callback, 'Queued') },
    errors: ['invalid_body', 'unsupported_media_type', 'invalid_number', 'queue_not_found'],
  }),
  cancelCallback: defineRoute({
    method: 'DELETE',
    path: '/api/callbacks/:id',
    roles: WRITERS,
    summary: 'Cancels a callback request.',
    params: z.object({ id: z.string().meta({ description: 'Callback id.' }) }),
    responses: { 204: { description: 'Cancelled' } },
    errors: ['callback_not_found'],
  }),
  listAgents: defineRoute({
    method: 'GET',
    path: '/api/agents',
    roles: READERS,
    summary: 'Agents and their states.',
    responses: { 200: json(z.array(agent)) },
    errors: [],
  }),
  getAgent: defineRoute({
    method: 'GET',
    path: '/api/agents/:name',
    roles: READERS_AND_AGENT,
    rolesNote: 'an agent token: its own agent only (403 forbidden_agent for another)',
    summary: "The agent's own record: state, offer (with its popover), contact.",
    params: agentParams,
    responses: { 200: json(agent) },
    errors: ['agent_not_found', 'forbidden_agent'],
  }),
  agentDesktop: defineRoute({
    method: 'GET',
    path: '/api/agents/:name/desktop',
    roles: READERS_AND_AGENT,
    summary:
      "What the agent's desktop needs of the resources: its record, the numbers it may present (name, number, display name), the queues and other agents (with states) to transfer to, the country allowlist.",
    params: agentParams,
    responses: { 200: json(agentDesktop) },
    errors: ['agent_not_found', 'forbidden_agent'],
  }),
  agentContact: defineRoute({
    method: 'GET',
    path: '/api/agents/:name/contact',
    roles: READERS_AND_AGENT,
    summary:
      'The call-associated data of the contact the agent is offered or on: agent-viewable variables with labels, editable flag and version; secure ones masked.',
    params: agentParams,
    responses: { 200: json(agentContact) },
    errors: ['agent_not_found', 'forbidden_agent', 'no_contact'],
  }),
  agentEditVariable: defineRoute({
    method: 'PATCH',
    path: '/api/agents/:name/contact/variables/:variable',
    roles: WRITERS_AND_AGENT,
    summary:
      'The agent edits a variable of the contact it is on. The first save wins; a stale version gets 409 variable_conflict with the current value.',
    params: z.object({
      name: z.string().meta({ description: 'Agent name from the resources file.' }),
      variable: z.string().meta({ description: 'An agent-editable variable of the contact.' }),
    }),
    body: z.strictObject({
      value: z.unknown().refine((value) => value !== undefined, 'is required'),
      version: z.number().int(),
    }),
    responses: { 200: json(z.strictObject({ value: z.unknown(), version: z.number().int() })) },
    errors: [
      'invalid_body',
      'unsupported_media_type',
      'agent_not_found',
      'forbidden_agent',
      'no_contact',
      'variable_conflict',
      'contact_ended',
      'variable_not_editable',
      'invalid_value',
    ],
  }),
  setAgentState: defineRoute({
    method: 'POST',
    path: '/api/agents/:name/state',
    roles: WRITERS_AND_AGENT,
    summary: "Sets an agent's state (Available, Offline, Busy).",
    params: agentParams,
    body: z.strictObject({
      state: z.enum(['Available', 'Offline', 'Busy'] satisfies (typeof AGENT_STATES)[number][]),
    }),
    responses: { 200: json(agent) },
    errors: ['invalid_body', 'unsupported_media_type', 'agent_not_found', 'agent_busy'],
  }),
  acceptOffer: defineRoute({
    method: 'POST',
    path: '/api/agents/:name/accept',
    roles: WRITERS_AND_AGENT,
    summary: 'The agent accepts the offered contact.',
    params: agentParams,
    responses: { 200: json(agent) },
    errors: ['agent_not_found', 'no_offer'],
  }),
  rejectOffer: defineRoute({
    method: 'POST',
    path: '/api/agents/:name/reject',
    roles: WRITERS_AND_AGENT,
    summary:
      'The agent declines the offered contact, as if it rang out: the offer is withdrawn, the agent goes to RONA and the contact back to its queue.',
    params: agentParams,
    body: noFields,
    bodyOptional: true,
    responses: { 200: json(agent) },
    errors: ['invalid_body', 'unsupported_media_type', 'agent_not_found', 'no_offer'],
  }),
  agentHangUp: defineRoute({
    method: 'POST',
    path: '/api/agents/:name/hangup',
    roles: WRITERS_AND_AGENT,
    summary:
      'The agent hangs up the call they are on (a queued call, a callback, their own callback); the contact ends and the agent goes to wrap-up.',
    params: agentParams,
    body: noFields,
    bodyOptional: true,
    responses: { 200: json(hangUpResult) },
    errors: ['invalid_body', 'unsupported_media_type', 'agent_not_found', 'no_connected_call'],
  }),
  wrapUp: defineRoute({
    method: 'POST',
    path: '/api/agents/:name/wrap-up',
    roles: WRITERS_AND_AGENT,
    summary:
      'The agent picks a wrap-up reason after a call: one of resources account.wrapUpReasons when the admin set them.',
    params: agentParams,
    body: z.strictObject({ reason: z.string().max(100) }),
    responses: { 200: json(agent) },
    errors: [
      'invalid_body',
      'unsupported_media_type',
      'agent_not_found',
      'agent_busy',
      'unknown_wrap_up_reason',
    ],
  }),
  transfer: defineRoute({
    method: 'POST',
    path: '/api/agents/:name/transfer',
    roles: WRITERS_AND_AGENT,
    summary:
      "Blind transfer of the agent's connected contact to a queue, an Available agent or a number (goes at once; the agent goes to wrap-up).",
    params: agentParams,
    body: z.strictObject({
      to: transferTarget,
      callerId: callerIdPick.optional().meta({
        description: "A transfer to a number: the number to present, one of the agent's allowed numbers.",
      }),
    }),
    responses: { 200: json(transferResult) },
    errors: [
      'invalid_body',
      'unsupported_media_type',
      'agent_not_found',
      'transfer_refused',
      'caller_id_not_allowed',
    ],
  }),
  agentCallback: defineRoute({
    method: 'POST',
    path: '/api/agents/:name/callbacks',
    roles: WRITERS_AND_AGENT,
    summary: 'An agent-initiated callback to a number (validated).',
    params: agentParams,
    body: z.strictObject({
      number: z.string().max(32),
      callerId: callerIdPick
        .optional()
        .meta({ description: "The number to present, one of the agent's allowed numbers." }),
    }),
    responses: { 201: json(callback, 'Queued') },
    errors: [
      'invalid_body',
      'unsupported_media_type',
      'agent_not_found',
      'agent_busy',
      'agent_not_available',
      'center_at_capacity',
      'invalid_number',
      'caller_id_not_allowed',
    ],
  }),
  startConsult: defineRoute({
    method: 'POST',
    path: '/api/agents/:name/consult',
    roles: WRITERS_AND_AGENT,
    summary:
      'The agent on a call consults another agent (who must be Available, never themselves) or a number while the customer holds; the consulted agent is shown the consult popover.',
    params: agentParams,
    body: z.strictObject({
      to: z.union([
        z.strictObject({ agent: z.string().max(64) }),
        z.strictObject({ number: z.string().max(32) }),
      ]),
      callerId: callerIdPick
        .optional()
        .meta({ description: 'A consult with a number: the number to present.' }),
    }),
    responses: { 201: json(z.strictObject({ consult }), 'Consulting') },
    errors: [
      'invalid_body',
      'unsupported_media_type',
      'agent_not_found',
      'forbidden_agent',
      'consult_refused',
      'invalid_number',
      'caller_id_not_allowed',
    ],
  }),
  acceptConsult: defineRoute({
    method: 'POST',
    path: '/api/agents/:name/consult/accept',
    roles: WRITERS_AND_AGENT,
    summary: 'The consulted agent answers the consult request.',
    params: agentParams,
    body: noFields,
    bodyOptional: true,
    responses: { 200: json(z.strictObject({ consult })) },
    errors: [
      'invalid_body',
      'unsupported_media_type',
      'agent_not_found',
      'forbidden_agent',
      'consult_refused',
    ],
  }),
  completeConsult: defineRoute({
    method: 'POST',
    path: '/api/agents/:name/consult/complete',
    roles: WRITERS_AND_AGENT,
    summary:
      'Warm transfer: the customer goes to the consulted agent (connected at once) or number; the consulting agent goes to wrap-up.',
    params: agentParams,
    body: noFields,
    bodyOptional: true,
    responses: { 200: json(transferResult) },
    errors: [
      'invalid_body',
      'unsupported_media_type',
      'agent_not_found',
      'forbidden_agent',
      'consult_refused',
    ],
  }),
  cancelConsult: defineRoute({
    method: 'DELETE',
    path: '/api/agents/:name/consult',
    roles: WRITERS_AND_AGENT,
    summary:
      'Either side ends the consult; the customer stays with the consulting agent, the consulted agent is Available again.',
    params: agentParams,
    responses: { 204: { description: 'Ended' } },
    errors: ['agent_not_found', 'forbidden_agent', 'consult_refused'],
  }),
  agentCallerId: defineRoute({
    method: 'GET',
    path: '/api/agents/:name/caller-id',
    roles: READERS_AND_AGENT,
    summary:
      "The caller ID a call the agent places to `to` would show now, and why: the desktop's picker preselects it. Nothing is placed.",
    params: agentParams,
    query: z.object({
      to: z.string().max(32).meta({ description: 'The number to call.' }),
      callerId: callerIdPick
        .optional()
        .meta({ description: 'A number (name or E.164) the agent would pick.' }),
      purpose: z.enum(AGENT_CALL_PURPOSES).optional().meta({
        description:
          'The call foreseen: outbound (POST callbacks), callback (pending-callback/place: after the call ends, through the outbound whisper), transfer or consult (to a number, during the call). Default: transfer during a call, else outbound.',
      }),
    }),
    responses: { 200: json(callerIdDecision) },
    errors: ['invalid_query', 'agent_not_found', 'forbidden_agent', 'invalid_number', 'no_connected_call'],
  }),
  promptCallback: defineRoute({
    method: 'POST',
    path: '/api/agents/:name/pending-callback/prompt',
    roles: WRITERS_AND_AGENT,
    summary:
      "Agent-initiated callback: the connected customer hears the admin's prompt (account.callbackPrompt) and keys the number; the agent hears nothing of the keys. The entry, checked by the dial-number rules, arrives as agent.pendingCallback.",
    params: agentParams,
    body: noFields,
    bodyOptional: true,
    responses: { 202: json(z.strictObject({ pendingCallback }), 'Prompting') },
    errors: [
      'invalid_body',
      'unsupported_media_type',
      'agent_not_found',
      'forbidden_agent',
      'no_connected_call',
    ],
  }),
  editPendingCallback: defineRoute({
    method: 'PUT',
    path: '/api/agents/:name/pending-callback',
    roles: WRITERS_AND_AGENT,
    summary:
      'The agent types or edits the number of its pending callback (checked by the dial-number rules).',
    params: agentParams,
    body: z.strictObject({ number: z.string().max(32) }),
    responses: { 200: json(z.strictObject({ pendingCallback })) },
    errors: [
      'invalid_body',
      'unsupported_media_type',
      'agent_not_found',
      'forbidden_agent',
      'invalid_number',
    ],
  }),
  cancelPendingCallback: defineRoute({
    method: 'DELETE',
    path: '/api/agents/:name/pending-callback',
    roles: WRITERS_AND_AGENT,
    summary: 'The agent cancels its pending callback: nothing is dialled.',
    params: agentParams,
    responses: { 204: { description: 'Cancelled' } },
    errors: ['agent_not_found', 'forbidden_agent', 'no_pending_callback'],
  }),
  placePendingCallback: defineRoute({
    method: 'POST',
    path: '/api/agents/:name/pending-callback/place',
    roles: WRITERS_AND_AGENT,
    summary:
      'The agent calls the customer back on the pending number: the call it is on ends first, and the agent is on the callback at once.',
    params: agentParams,
    body: z.strictObject({
      callerId: callerIdPick
        .optional()
        .meta({ description: "The number to present, one of the agent's allowed numbers." }),
    }),
    bodyOptional: true,
    responses: { 201: json(callback, 'Placed') },
    errors: [
      'invalid_body',
      'unsupported_media_type',
      'agent_not_found',
      'forbidden_agent',
      'no_pending_callback',
      'agent_busy',
      'agent_not_available',
      'center_at_capacity',
      'invalid_number',
      'caller_id_not_allowed',
    ],
  }),
} as const;
