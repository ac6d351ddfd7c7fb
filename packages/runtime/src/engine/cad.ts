import { type JsonValue, ownEntry } from '@callflow/model';
import { coerceValue } from '../rules/coerce.js';
import { isSecureDeclaration } from '../rules/secure-variables.js';
import type { ContactEvent } from '../types.js';
import type { ContactRun } from './run.js';

/**
 * An agent edits a call-associated variable on the desktop. Every variable has an edit version; an edit
 * names the version the agent saw. The first save wins; a later save made from the old version is a
 * conflict, and that agent is told the value now held (docs/domain.md#contact-data-cad: no silent loss).
 */
export function onVariableUpdate(
  run: ContactRun,
  event: Extract<ContactEvent, { type: 'updateVariable' }>,
): true {
  const { agent, name } = event;
  const current = ownEntry(run.s.variableVersions, name) ?? 0;
  const declaration = ownEntry(run.flows.root()?.variables, name);
  run.trace.begin({ event: event.type, note: `agent ${agent} edits ${name}` });
  const refuse = (refusal: 'notEditable' | 'invalidValue', reason: string) => {
    run.commands.emit({
      type: 'variableUpdate',
      agent,
      name,
      result: 'refused',
      version: current,
      reason,
      refusal,
    });
    run.trace.note(`refused: ${reason}`);
    return true as const;
  };
  if (!declaration) return refuse('notEditable', `"${name}" is not a variable of this contact`);
  if (declaration.agentEditable !== true) return refuse('notEditable', `"${name}" is not agent editable`);
  if (event.version !== current) {
    // A copy of a secure value in this variable stays masked on the desktop.
    const value = isSecureDeclaration(declaration)
      ? undefined
      : run.secrets.agentValue(name, ownEntry(run.s.variables, name) ?? declaration.default ?? null);
    run.commands.emit({
      type: 'variableUpdate',
      agent,
      name,
      result: 'conflict',
      version: current,
      ...(value !== undefined ? { value } : {}),
      reason: `another agent saved ${name} first (version ${current}); your value was not saved`,
    });
    run.trace.note(`conflict: edit made from version ${event.version}, current is ${current}`);
    return true;
  }
  const coerced = coerceValue(declaration.type, event.value);
  if (!coerced.ok) return refuse('invalidValue', coerced.reason);
  run.s.variables = { ...run.s.variables, [name]: coerced.value as JsonValue };
  // What the agent typed is theirs, not a copy of a secure value.
  if (run.s.secureCopies?.includes(name)) run.s.secureCopies = run.s.secureCopies.filter((n) => n !== name);
  run.s.variableVersions = { ...run.s.variableVersions, [name]: current + 1 };
  run.commands.emit({
    type: 'variableUpdate',
    agent,
    name,
    result: 'saved',
    version: current + 1,
    value: coerced.value,
  });
  return true;
}
