/**
 * Every `code` an API error can carry, with its HTTP status and what the client should do: the one list
 * the server reads a status from, the OpenAPI document publishes and docs/errors.md is generated from.
 * No zod here: the designer may import this module's values without the contract's schemas.
 */
export const API_ERROR_CODES = {
  invalid_json: {
    status: 400,
    meaning:
      'The body is not JSON; details give position, line and column. Document bodies (flows, tests, resources, validate) are read like files by the CLI: not UTF-8, repeated keys or nesting over 100 levels give details.problems with CF001.',
  },
  invalid_body: {
    status: 400,
    meaning: 'A field is missing, unknown or of the wrong type; details.problems.',
  },
  invalid_flow_id: { status: 400, meaning: 'The id in the URL is not a flow id.' },
  invalid_file_name: {
    status: 400,
    meaning: 'The file in the URL is not `<name>.test.json` with `<name>` following the flow id rules.',
  },
  id_mismatch: {
    status: 400,
    meaning: 'The flow body has another id than the URL (a test document: another `flow`).',
  },
  invalid_prompt_file: {
    status: 400,
    meaning:
      'The recording name in the URL is not `<name>.wav` or `<name>.mp3` (letters, digits, _ . -); details.file.',
  },
  invalid_resource_kind: {
    status: 400,
    meaning: 'The kind in the URL is not queue, number, prompt, hours, agentGroup or agent; details.allowed.',
  },
  invalid_resource_name: {
    status: 400,
    meaning:
      'The new name is not a resource name (a letter or digit, then letters, digits, _ . or -, at most 64); nothing was changed.',
  },
  invalid_version: { status: 400, meaning: 'The version in the URL is not a positive integer.' },
  invalid_period: {
    status: 400,
    meaning:
      'The period asked for is not one: `from` or `to` is not an ISO 8601 date-time, `from` is not before `to`, or it spans more than 92 days; details.parameter, details.value.',
  },
  invalid_event: { status: 400, meaning: 'The contact event is not one the server accepts.' },
  invalid_query: {
    status: 400,
    meaning: 'A query parameter has a value the route does not take; details.parameter.',
  },
  bad_request: {
    status: 400,
    meaning:
      'The request could not be read at all (the client aborted it, or its length did not match Content-Length); send it again.',
  },
  unauthorized: { status: 401, meaning: 'No token was sent.' },
  invalid_token: { status: 401, meaning: 'The token is unknown.' },
  forbidden: {
    status: 403,
    meaning:
      'The token’s role may not use this route (the role table in docs/security.md); details.role, details.allowed.',
  },
  forbidden_agent: {
    status: 403,
    meaning:
      'An agent token may act only as its own agent: the URL names another one; details.agent (the token’s), details.name.',
  },
  route_not_found: { status: 404, meaning: 'No such route.' },
  flow_not_found: { status: 404, meaning: 'No flow with this id.' },
  version_not_found: { status: 404, meaning: 'No published version with this number.' },
  contact_not_found: { status: 404, meaning: 'No contact with this id.' },
  callback_not_found: { status: 404, meaning: 'No callback request with this id.' },
  prompt_file_not_found: { status: 404, meaning: 'No recording with this name in prompts/; details.file.' },
  agent_not_found: { status: 404, meaning: 'No agent with this name in the resources file.' },
  resource_not_found: { status: 404, meaning: 'No entry of this kind and name in the resources file.' },
  resource_name_taken: {
    status: 409,
    meaning: 'A rename to a name another entry of the same kind has; nothing was changed.',
  },
  resource_in_use: {
    status: 409,
    meaning:
      'The entry is still named by flows, tests or other entries; nothing was deleted; details.usages. Send force=true to delete anyway.',
  },
  flow_in_use: {
    status: 409,
    meaning:
      'Other flows or queues name this flow; nothing was deleted; details.usages. Send force=true to delete anyway.',
  },
  resources_unreadable: {
    status: 409,
    meaning:
      'The resources file cannot be read (see /healthz); rename, delete and where-used of resources wait until it is fixed.',
  },
  flow_not_published: { status: 409, meaning: 'The flow has no live version yet: publish it.' },
  contact_ended: { status: 409, meaning: 'The contact has ended; it takes no more events.' },
  variable_conflict: {
    status: 409,
    meaning: 'Someone saved the variable first; details.current = { value, version }.',
  },
  agent_busy: { status: 409, meaning: 'The agent cannot do this in their current state.' },
  agent_not_available: {
    status: 409,
    meaning:
      'The agent cannot place a call in their state (Offline, RONA, WrapUp): set them Available first; details = { name, state, reason: AGENT_NOT_AVAILABLE }.',
  },
  clock_control_off: {
    status: 409,
    meaning:
      'The simulated clock is not under test control: the service runs without CALLFLOW_SIM_CLOCK_CONTROL=on.',
  },
  no_contact: {
    status: 409,
    meaning:
      'The agent has no contact on screen (offered or connected), or has not accepted it yet; details.name.',
  },
  consult_refused: {
    status: 409,
    meaning:
      'The consult cannot start, be answered, completed or ended: the agent is not on a call, the consulted agent is themselves, not Available (wrap-up, offered, Offline) or in another consult, the customer hung up; details.reason says which.',
  },
  no_pending_callback: {
    status: 409,
    meaning:
      'The agent has no callback being prepared, or no valid number in it yet (still prompting, or the customer keyed an invalid one); details.status.',
  },
  no_offer: { status: 409, meaning: 'The agent has no offer to accept or reject.' },
  no_connected_call: {
    status: 409,
    meaning:
      'The agent is not on a call to hang up, prompt or preview a transfer or consult from (free, only offered one, in wrap-up); details.state.',
  },
  center_at_capacity: {
    status: 409,
    meaning:
      'The center is at its maximum concurrent calls: no call is placed; details.reason = CENTER_AT_CAPACITY.',
  },
  transfer_refused: {
    status: 409,
    meaning:
      'The engine refused the transfer (queue unknown or full, target agent not Available, number not dialable, no connected contact); details.reason says which.',
  },
  rename_conflict: {
    status: 412,
    meaning:
      'A file the rename changes is not the version of the preview (saved since, or a use added or gone); nothing was written; details.conflicts = [{ file, expected, current }]. Preview again.',
  },
  version_mismatch: {
    status: 412,
    meaning: 'Stale If-Match; nothing was written; details.current = the version on disk.',
  },
  payload_too_large: { status: 413, meaning: 'The body exceeds the size limit (CALLFLOW_BODY_LIMIT).' },
  prompt_too_large: {
    status: 413,
    meaning: 'The prompt recording exceeds its size limit (5 MiB); nothing was saved; details.maxBytes.',
  },
  unsupported_media_type: { status: 415, meaning: 'The body is not sent as application/json.' },
  unsupported_prompt_audio: {
    status: 415,
    meaning:
      'The recording is not WAV or MP3 (read from its bytes), or not the type its name says; nothing was saved; details.expected, details.found.',
  },
  unsupported_encoding: { status: 415, meaning: 'The body’s encoding is not supported.' },
  host_not_allowed: { status: 421, meaning: 'The Host header is not an allowed name (DNS-rebinding guard).' },
  invalid_flow: { status: 422, meaning: 'The flow fails the schema; nothing was saved; details.problems.' },
  invalid_resources: {
    status: 422,
    meaning: 'The resources fail the schema; nothing was saved; details.problems.',
  },
  invalid_test: {
    status: 422,
    meaning: 'The flow test document fails the schema; nothing was saved; details.problems.',
  },
  flow_unreadable: { status: 422, meaning: 'The file on disk is not valid JSON; details.problems and etag.' },
  publish_blocked: {
    status: 422,
    meaning:
      'The flow (or a dependency published with it) has errors; nothing was published; details.problems, details.flows.',
  },
  dependencies_not_published: {
    status: 422,
    meaning:
      'Flows it needs at run time have no live version; nothing was published; details.unpublished (each with neededBy), details.problems (CF311). Publish them first or send withDependencies.',
  },
  invalid_number: { status: 422, meaning: 'The phone number cannot be dialled; details.reason.' },
  caller_id_not_allowed: {
    status: 422,
    meaning:
      'The number the agent picked (callerId) is not one they may present; nothing was placed. details.callerId, details.allowed.',
  },
  unknown_wrap_up_reason: {
    status: 422,
    meaning:
      'The wrap-up reason is not one of the admin’s (resources account.wrapUpReasons); the agent stays in wrap-up. details.reason, details.allowed.',
  },
  queue_not_found: { status: 422, meaning: 'The queue is not in the resources file.' },
  variable_not_editable: { status: 422, meaning: 'The variable is not declared agent-editable.' },
  invalid_value: { status: 422, meaning: 'The value does not fit the variable’s type or size.' },
  precondition_required: {
    status: 428,
    meaning: 'Send If-Match (update, delete) or If-None-Match: * (create).',
  },
  too_many_auth_failures: {
    status: 429,
    meaning:
      'Too many failed authentications from this address this minute (CALLFLOW_AUTH_FAILURES_PER_MINUTE); every request is refused until Retry-After seconds pass. details.limit, details.retryAfterSeconds.',
  },
  too_many_writes: {
    status: 429,
    meaning:
      'Too many writes with this token this minute (CALLFLOW_WRITES_PER_MINUTE); retry after the Retry-After header. details.limit, details.retryAfterSeconds.',
  },
  too_many_streams: {
    status: 429,
    meaning:
      'This token already has its maximum of open event streams (CALLFLOW_STREAMS_PER_TOKEN); close one. details.limit.',
  },
  internal_error: { status: 500, meaning: 'A bug or an I/O failure; see the server log.' },
  database_unavailable: {
    status: 503,
    meaning:
      'The center’s PostgreSQL database did not answer (CALLFLOW_DATABASE_URL): nothing was carried out, no call was started; retry (docs/scaling.md).',
  },
  center_not_ready: {
    status: 503,
    meaning:
      'This process of a center is taking the lead or has not found its leader yet; retry after Retry-After. details.state.',
  },
  center_leader_unreachable: {
    status: 503,
    meaning:
      'The process leading the center did not answer a forwarded request; retry (another process takes the lead within seconds). details.reason.',
  },
} as const satisfies Record<string, ApiErrorInfo>;

export interface ApiErrorInfo {
  status: number;
  meaning: string;
}

export type ApiErrorCode = keyof typeof API_ERROR_CODES;

export function isApiErrorCode(code: string): code is ApiErrorCode {
  return Object.hasOwn(API_ERROR_CODES, code);
}
