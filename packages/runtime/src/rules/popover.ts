import { type Flow, POPOVER_MAX } from '@callflow/model';
import { isSecureDeclaration } from './secure-variables.js';

/** One line of a popover offered to an agent (docs/domain.md#popover). */
export interface PopoverEntry {
  label: string;
  /** The variable it shows (system variables start with `$`). */
  name: string;
  value: unknown;
}

/**
 * The popover an agent sees when offered an inbound call: the variables the admin listed in `popover`,
 * in that order, labelled with their desktop label, at most {@link POPOVER_MAX}. Secure variables are
 * never shown, whatever the list says, nor are JSON variables. A flow without a `popover` list shows its agent-viewable
 * variables in declaration order. (The minimum of 3 is a lint rule on the flow, not something the
 * runtime can make up.)
 */
export function popoverFor(
  flow: Pick<Flow, 'variables' | 'popover'>,
  values: Record<string, unknown>,
): PopoverEntry[] {
  const declared = flow.variables ?? {};
  const names =
    flow.popover ?? Object.keys(declared).filter((name) => declared[name]?.agentViewable === true);
  const out: PopoverEntry[] = [];
  for (const name of names) {
    const declaration = declared[name];
    // JSON variables are never agent viewable (docs/domain.md#contact-data-cad).
    if (!declaration || isSecureDeclaration(declaration) || declaration.type === 'json') continue;
    out.push({ label: declaration.label ?? name, name, value: values[name] ?? declaration.default ?? null });
    if (out.length === POPOVER_MAX) break;
  }
  return out;
}

export interface ConsultRequest {
  agentName: string;
  /** The consulting agent's DN (their extension or dial number). */
  agentDn: string;
  team: string;
}

/** A consult request shows the consulting agent's name, DN and team, then up to 6 configured variables. */
export function consultPopover(
  request: ConsultRequest,
  flow: Pick<Flow, 'variables' | 'popover'>,
  values: Record<string, unknown>,
): PopoverEntry[] {
  return [
    { label: 'Agent name', name: '$agentName', value: request.agentName },
    { label: 'Agent DN', name: '$agentDn', value: request.agentDn },
    { label: 'Team', name: '$team', value: request.team },
    ...popoverFor(flow, values),
  ];
}

export interface CallbackRequestSummary {
  /** The number the callback will dial. */
  customerNumber: string;
  /** Display name of the callback's queue. */
  queueName: string;
  /** The number the customer originally dialled. */
  dialedNumber: string;
}

/** The popover labelled "Callback": the customer's number, the queue and the DNIS. */
export function callbackPopover(request: CallbackRequestSummary): PopoverEntry[] {
  return [
    { label: 'Customer number', name: '$callbackNumber', value: request.customerNumber },
    { label: 'Queue', name: '$queueName', value: request.queueName },
    { label: 'DNIS', name: '$dialedNumber', value: request.dialedNumber },
  ];
}
