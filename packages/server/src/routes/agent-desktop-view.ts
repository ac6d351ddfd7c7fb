import { agentCallerIdSetting, type Flow, ownEntry, type Resources } from '@callflow/model';
import {
  allowedNumberNames,
  type ContactSnapshot,
  isSecureDeclaration,
  type SimpleAcd,
  shownVariable,
} from '@callflow/runtime';
import { contactView } from '../runtime-host/contact-view.js';
import type { PublishedVersions } from '../store/published-versions.js';

/**
 * The part of the resources an agent's desktop needs, and nothing else of the center: the agent's own
 * record with the numbers it may present (name, number, display name), the queues and the other agents
 * (with their states) it may transfer to, the country allowlist its dial pad checks, the strategy that
 * preselects its caller ID and the wrap-up reasons it picks from.
 */
export function agentDesktop(name: string, resources: Resources, acd: SimpleAcd) {
  const agent = ownEntry(resources.agents, name);
  const numbers = allowedNumberNames(resources, name).flatMap((numberName) => {
    const entry = ownEntry(resources.numbers, numberName);
    return entry ? [{ name: numberName, number: entry.number, displayName: entry.displayName }] : [];
  });
  return {
    agent: {
      name,
      displayName: agent?.displayName ?? name,
      groups: agent?.groups ?? [],
      defaultNumber: agent?.defaultNumber ?? null,
      defaultOutboundQueue: agent?.defaultOutboundQueue ?? null,
      phone: agent?.phone ?? null,
    },
    /** The strategy that preselects the caller ID of the agent's calls (their group's, else the account's). */
    callerIdStrategy: agentCallerIdSetting(resources, name) ?? { strategy: 'queue' },
    numbers,
    queues: Object.entries(resources.queues).map(([queue, q]) => ({
      name: queue,
      displayName: q.displayName,
    })),
    agents: Object.entries(resources.agents)
      .filter(([other]) => other !== name)
      .map(([other, a]) => ({
        name: other,
        displayName: a.displayName,
        state: acd.agents.get(other)?.state ?? 'Offline',
      })),
    allowedCountries: resources.account.allowedCountries,
    wrapUpReasons: resources.account.wrapUpReasons ?? [],
  };
}

/**
 * The call-associated data of the agent's contact as its desktop shows it: the root flow's
 * agent-viewable variables in declaration order, with their desktop labels, whether the agent may edit
 * them and their edit version. A secure variable (or a copy of a secure value) is masked: the raw value
 * never leaves the server.
 */
export function agentContactView(s: ContactSnapshot, published: PublishedVersions) {
  const view = contactView(s, published);
  const flow: Flow | undefined = published.get(s.flowId, s.version)?.flow;
  const variables = Object.entries(flow?.variables ?? {})
    .filter(([, v]) => v.agentViewable === true && v.type !== 'json')
    .map(([variable, v]) => {
      const secure = isSecureDeclaration(v);
      // A variable the call never set shows its declared default, under the same rule as a set value.
      const unset = v.default === undefined ? null : shownVariable(s, variable, v.default, [], secure);
      return {
        name: variable,
        label: v.label ?? variable,
        type: v.type,
        value: view.variables[variable] ?? unset,
        editable: v.agentEditable === true,
        secure,
        version: ownEntry(s.variableVersions, variable) ?? 0,
      };
    });
  return {
    contactId: s.contactId,
    kind: s.kind,
    status: s.status,
    callerNumber: view.callerNumber,
    dialedNumber: s.dialedNumber,
    queue: s.queue?.name ?? null,
    variables,
  };
}
