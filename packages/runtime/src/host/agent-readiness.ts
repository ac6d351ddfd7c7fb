import type { AgentState, SimulatedAgent } from './acd.js';

/** Code of an agent's call refused because of the agent's state (an agent-initiated callback). */
export const AGENT_NOT_AVAILABLE = 'AGENT_NOT_AVAILABLE';

/**
 * States an agent may place a call from: Available, or Busy set by hand (not taking queue calls, e.g.
 * for outbound work). Offline agents are not at work; RONA and WrapUp agents must first go Available
 * (docs/domain.md#offers-and-rona: RONA is cleared by hand, a finished call gets its wrap-up reason first).
 */
const CALL_PLACING_STATES: readonly AgentState[] = ['Available', 'Busy'];

/** Why the agent cannot place a call now (their state, or the contact they have), or undefined. */
export function callPlacingRefusal(agent: SimulatedAgent): string | undefined {
  if (agent.contactId !== undefined)
    return agent.offered ? `${agent.name} has a contact offered to them` : `${agent.name} is on a contact`;
  if (!CALL_PLACING_STATES.includes(agent.state))
    return `${agent.name} is ${agent.state}; an agent places calls when Available (or Busy by hand)`;
  return undefined;
}

/** An agent's call refused because of their state; `code` is {@link AGENT_NOT_AVAILABLE}. */
export class AgentNotAvailableError extends Error {
  readonly code = AGENT_NOT_AVAILABLE;
  constructor(
    readonly agent: string,
    readonly state: AgentState,
    readonly reason: string,
  ) {
    super(`${AGENT_NOT_AVAILABLE} ${reason}.`);
    this.name = 'AgentNotAvailableError';
  }
}
