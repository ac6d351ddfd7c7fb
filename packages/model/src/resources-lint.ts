import { ownEntry } from './own-entry.js';
import { type Problem, pointer, problem } from './problems.js';
import type { AgentCallerIdSetting, Resources } from './resources.js';

/**
 * The checks of a resources file that its schema cannot make: names that refer to other entries (a
 * number, queue, agent group or prompt that does not exist) and the agent rules of docs/caller-id.md
 * (a default number among the allowed numbers, a strategy the agent can use). Runs once the schema
 * passed; every problem points into the file.
 */
export function lintResources(resources: Resources): Problem[] {
  const out: Problem[] = [];
  const number = (name: string | undefined, at: string, what: string) => {
    if (name !== undefined && !ownEntry(resources.numbers, name))
      out.push(problem('CF301', `${what} "${name}" is not a number of the resources file.`, at));
  };
  const queue = (name: string | undefined, at: string, what: string) => {
    if (name !== undefined && !ownEntry(resources.queues, name))
      out.push(problem('CF300', `${what} "${name}" is not a queue of the resources file.`, at));
  };
  const group = (name: string, at: string, what: string) => {
    if (!ownEntry(resources.agentGroups, name))
      out.push(problem('CF310', `${what} "${name}" is not an agent group of the resources file.`, at));
  };
  const { account } = resources;
  if (account.principalNumber !== '')
    number(account.principalNumber, pointer('account', 'principalNumber'), 'The principal number');
  if (account.callbackPrompt !== undefined && !ownEntry(resources.prompts, account.callbackPrompt)) {
    out.push(
      problem(
        'CF302',
        `The callback prompt "${account.callbackPrompt}" is not a prompt of the resources file.`,
        pointer('account', 'callbackPrompt'),
      ),
    );
  }
  for (const [name, q] of Object.entries(resources.queues)) {
    group(q.agentGroup, pointer('queues', name, 'agentGroup'), `Queue "${name}"'s agent group`);
    number(q.outboundCallerId, pointer('queues', name, 'outboundCallerId'), `Queue "${name}"'s caller ID`);
  }
  for (const [name, g] of Object.entries(resources.agentGroups)) {
    number(
      g.callerIdNumber,
      pointer('agentGroups', name, 'callerIdNumber'),
      `Agent group "${name}"'s outbound number`,
    );
  }
  for (const [name, agent] of Object.entries(resources.agents)) {
    const at = (...rest: (string | number)[]) => pointer('agents', name, ...rest);
    agent.groups.forEach((g, i) => {
      group(g, at('groups', i), `Agent "${name}"'s group`);
    });
    (agent.allowedNumbers ?? []).forEach((n, i) => {
      number(n, at('allowedNumbers', i), `Agent "${name}"'s allowed number`);
    });
    number(agent.defaultNumber, at('defaultNumber'), `Agent "${name}"'s default number`);
    queue(agent.defaultOutboundQueue, at('defaultOutboundQueue'), `Agent "${name}"'s default outbound queue`);
    const allowed = agent.allowedNumbers ?? [];
    if (agent.defaultNumber !== undefined && allowed.length > 0 && !allowed.includes(agent.defaultNumber)) {
      out.push(
        problem(
          'CF506',
          `Agent "${name}"'s default number "${agent.defaultNumber}" is not one of their allowed numbers (${allowed.join(', ')}).`,
          at('defaultNumber'),
        ),
      );
    }
    strategyProblems(resources, name, out);
  }
  return out;
}

/** The strategy that applies to an agent: their first group's override, else the account's. */
export function agentCallerIdSetting(resources: Resources, agent: string): AgentCallerIdSetting | undefined {
  const groups = ownEntry(resources.agents, agent)?.groups ?? [];
  for (const g of groups) {
    const own = ownEntry(resources.agentGroups, g)?.agentCallerId;
    if (own) return own;
  }
  return resources.account.agentCallerId;
}

function strategyProblems(resources: Resources, name: string, out: Problem[]): void {
  const agent = ownEntry(resources.agents, name);
  const setting = agentCallerIdSetting(resources, name);
  if (!agent || !setting) return;
  const groupNumber = agent.groups.some(
    (g) =>
      ownEntry(resources.agentGroups, g)?.callerIdNumber !== undefined ||
      Object.values(resources.numbers).some((n) => n.groups?.includes(g)),
  );
  const lacks =
    setting.strategy === 'byGroup' && !groupNumber
      ? 'no number is bound to any of their groups'
      : setting.strategy === 'default' && agent.defaultNumber === undefined
        ? 'they have no default number'
        : undefined;
  if (lacks) {
    out.push(
      problem(
        'CF507',
        `Calls agent "${name}" places use the strategy "${setting.strategy}", but ${lacks}.`,
        pointer('agents', name),
      ),
    );
  }
}
