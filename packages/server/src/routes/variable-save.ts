import { MAX_VARIABLE_VALUE_LENGTH } from '@callflow/model';
import type { ContactSnapshot } from '@callflow/runtime';
import { isContactOver } from '@callflow/runtime';
import { apiError } from '../http/api-error.js';
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
    throw apiError('invalid_value', `A variable holds at most ${MAX_VARIABLE_VALUE_LENGTH} characters.`, {
      name,
    });
  }
  if (isContactOver(s)) {
    throw apiError('contact_ended', `Contact "${id}" has ended.`, { id });
  }
  const answer = host.updateVariable(id, agent, name, value, version);
  if (!answer) throw apiError('contact_ended', `Contact "${id}" takes no more changes.`, { id });
  if (answer.result === 'conflict') {
    throw apiError('variable_conflict', answer.reason ?? `Someone saved ${name} first.`, {
      current: { value: answer.value ?? null, version: answer.version },
    });
  }
  if (answer.result === 'refused') {
    const reason = answer.reason ?? `${name} was not saved.`;
    if (answer.refusal === 'notEditable') throw apiError('variable_not_editable', reason, { name });
    throw apiError('invalid_value', reason, { name });
  }
  return { value: answer.value ?? null, version: answer.version };
}
