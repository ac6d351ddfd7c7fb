import { MAX_VARIABLE_VALUE_LENGTH } from '@callflow/model';
import type { ContactSnapshot } from '@callflow/runtime';
import { ApiError } from '../http/api-error.js';
import type { ContactHost } from '../runtime-host/contact-host.js';

/**
 * An agent's edit of a contact variable, as the designer's contact route and the agent desktop's route
 * both take it: the first save wins, a later save from the old version is 409 `variable_conflict` with
 * the value now held; the engine's refusals are coded.
 */
export function saveVariable(
  host: ContactHost,
  s: ContactSnapshot,
  agent: string,
  name: string,
  value: unknown,
  version: number,
): { value: unknown; version: number } {
  const id = s.contactId;
  if (typeof value === 'string' && value.length > MAX_VARIABLE_VALUE_LENGTH) {
    throw new ApiError(
      422,
      'invalid_value',
      `A variable holds at most ${MAX_VARIABLE_VALUE_LENGTH} characters.`,
      {
        name,
      },
    );
  }
  if (s.status === 'ended' || s.status === 'transferred') {
    throw new ApiError(409, 'contact_ended', `Contact "${id}" has ended.`, { id });
  }
  const answer = host.updateVariable(id, agent, name, value, version);
  if (!answer) throw new ApiError(409, 'contact_ended', `Contact "${id}" takes no more changes.`, { id });
  if (answer.result === 'conflict') {
    throw new ApiError(409, 'variable_conflict', answer.reason ?? `Someone saved ${name} first.`, {
      current: { value: answer.value ?? null, version: answer.version },
    });
  }
  if (answer.result === 'refused') {
    const code = /not agent editable|not a variable/.test(answer.reason ?? '')
      ? 'variable_not_editable'
      : 'invalid_value';
    throw new ApiError(422, code, answer.reason ?? `${name} was not saved.`, { name });
  }
  return { value: answer.value ?? null, version: answer.version };
}
