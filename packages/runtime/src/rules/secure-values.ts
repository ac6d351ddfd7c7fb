import type { Flow } from '@callflow/model';
import type { TraceEntry } from '../types.js';
import { maskValue, REDACTED, secretText } from './redact.js';
import { secureVariableNames } from './secure-variables.js';

/** The parts of a contact snapshot that hold values, by flow. */
export interface ValuesOfContact {
  flowId: string;
  variables: Record<string, unknown>;
  stack: readonly { kind?: string; flowId: string; block?: string; vars?: Record<string, unknown> }[];
  /** Secure values the contact held earlier (see `ContactSnapshot.secrets`). */
  secrets?: readonly string[];
}

/** Secure values a contact remembers at most; the oldest are forgotten first. */
export const MAX_REMEMBERED_SECRETS = 64;

/**
 * THE rule for which values of a contact are secret, used by the engine (trace, errors, popover), the
 * simulator, the service's views, its call log and its store: the value of every secure variable of
 * every flow the contact is in (the contact's own variables, each module frame's scope), and every
 * secure value it held earlier in the call (`secrets`: a module's PIN is gone from the snapshot when the
 * module returns, but `$lastDigits` or a copy in another variable may still hold it). A value that
 * contains one of these is masked wherever it shows, so a copy of a PIN stays masked too.
 * `flowOf` finds the version of a flow the contact runs.
 */
export function secureValuesOf(
  contact: ValuesOfContact,
  flowOf: (flowId: string) => Pick<Flow, 'variables'> | undefined,
): string[] {
  const out = new Set<string>(contact.secrets ?? []);
  const add = (flowId: string, values: Record<string, unknown> | undefined) => {
    const flow = flowOf(flowId);
    if (!flow || !values) return;
    for (const name of secureVariableNames(flow)) {
      const text = secretText(Object.hasOwn(values, name) ? values[name] : undefined);
      if (text !== undefined) out.add(text);
    }
  };
  add(contact.flowId, contact.variables);
  for (const frame of contact.stack) {
    if (frame.kind === 'module') add(frame.flowId, frame.vars);
    else if (frame.flowId !== contact.flowId) add(frame.flowId, contact.variables);
  }
  return [...out];
}

/** `remembered` with `values` added (newest last), at most {@link MAX_REMEMBERED_SECRETS}. */
export function rememberSecrets(
  remembered: string[] | undefined,
  values: readonly string[],
): string[] | undefined {
  const known = new Set(remembered ?? []);
  const added = values.filter((v) => !known.has(v));
  if (added.length === 0) return remembered;
  const all = [...(remembered ?? []), ...added];
  return all.length > MAX_REMEMBERED_SECRETS ? all.slice(all.length - MAX_REMEMBERED_SECRETS) : all;
}

/**
 * A trace entry with secure values masked in its free text (note, error, ignored, the commands it
 * gave, the caller ID chosen). Its ids and numbers (flow, block, event, outcome, seq, time) are names
 * the flow and the engine chose, never a value, and tools read them: they are left as they are.
 */
export function maskTraceEntry(entry: TraceEntry, secrets: readonly string[]): TraceEntry {
  if (secrets.length === 0) return entry;
  let out: TraceEntry | undefined;
  for (const field of ['note', 'log', 'ignored', 'commands', 'callerId'] as const) {
    const value = entry[field];
    if (value === undefined) continue;
    const masked = maskValue(value, secrets);
    if (masked === value) continue;
    out ??= { ...entry };
    (out as unknown as Record<string, unknown>)[field] = masked;
  }
  // The error's code is the catalogue's, never a value (a PIN 10 must not mask RT104): only its detail.
  if (entry.error) {
    const detail = maskValue(entry.error.detail, secrets) as string;
    if (detail !== entry.error.detail) {
      out ??= { ...entry };
      out.error = { code: entry.error.code, detail };
    }
  }
  return out ?? entry;
}

/**
 * A contact variable's value wherever it is shown outside the engine (the contact view, a desktop, the
 * popover, CAD): `•••` when the variable is secure (`secure`: in a flow the contact runs) or holds a copy
 * of a secure value (`secureCopies`: it held one when it was stored, however short the PIN); otherwise
 * with the contact's secure values (`secrets`, see {@link secureValuesOf}) masked inside it, as agents
 * see them (a short PIN only where it is the whole value).
 */
export function shownVariable(
  contact: { readonly secureCopies?: readonly string[] },
  name: string,
  value: unknown,
  secrets: readonly string[],
  secure: boolean,
): unknown {
  if (secure || contact.secureCopies?.includes(name)) return REDACTED;
  return maskValue(value, secrets, { numbers: true, shownToAgents: true });
}
