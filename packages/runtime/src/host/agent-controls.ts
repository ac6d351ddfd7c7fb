import type { AgentCallbackParams } from '../engine/callback.js';
import { RuntimeError } from '../errors/runtime-errors.js';
import { startAgentCallback } from '../standard-engine.js';
import type { StepResult, TransferTarget } from '../types.js';
import type { AgentState } from './acd.js';
import { AgentNotAvailableError, callPlacingRefusal } from './agent-readiness.js';
import type { HostCore } from './host-core.js';
import type { CallbackOrigin, OfferCommand, TransferAnswer, VariableUpdateCommand } from './host-options.js';

/** What an agent's desktop does: state, offers, hang-up, wrap-up, variable edits, transfers, callbacks. */
export class AgentControls {
  constructor(private readonly core: HostCore) {}

  /** The offer the agent's desktop shows now (popover included). */
  offerOf(name: string): OfferCommand | undefined {
    return this.core.offers.get(name);
  }

  /**
   * Going Offline, Busy or RONA with an offer on screen declines it first, exactly as letting it ring
   * (`ignore`): the contact goes back to its queue at its place instead of waiting, offered to an agent
   * who is gone, until the offer times out.
   */
  setState(name: string, state: AgentState): void {
    const core = this.core;
    if (state !== 'Available') this.ignore(name);
    core.acd.setState(name, state, core.clock.now());
    core.observers.agentChanged?.(name);
    core.match();
  }

  /** The agent accepts the contact offered to them; false when there is no offer or it was gone. */
  accept(name: string): boolean {
    const core = this.core;
    const agent = core.acd.agents.get(name);
    const contactId = agent?.contactId;
    if (!agent || !contactId || !agent.offered) return false;
    let took = false;
    core.deliver(contactId, { type: 'agentAccepted', agent: name }, (result) => {
      took = result?.snapshot.queue?.agent === name || result?.snapshot.callback?.agent === name;
      if (!took) return;
      core.offers.delete(name);
      core.acd.accepted(name, contactId);
      core.observers.agentChanged?.(name);
    });
    return took;
  }

  /** The agent lets the offer ring: RONA. */
  ignore(name: string): void {
    const contactId = this.core.acd.agents.get(name)?.contactId;
    if (contactId && this.core.offers.has(name))
      this.core.deliver(contactId, { type: 'agentNoAnswer', agent: name });
  }

  hangUp(name: string): void {
    const contactId = this.core.acd.agents.get(name)?.contactId;
    if (contactId) this.core.deliver(contactId, { type: 'agentHangUp', agent: name });
  }

  wrapUp(name: string, reason: string): void {
    this.core.observers.wrapUp?.(name, reason);
    this.setState(name, 'Available');
  }

  /** An agent edits a contact's variable; the engine's answer (saved, conflict, refused), if any. */
  updateVariable(
    contactId: string,
    agent: string,
    name: string,
    value: unknown,
    version: number,
  ): VariableUpdateCommand | undefined {
    let answer: VariableUpdateCommand | undefined;
    this.core.deliver(contactId, { type: 'updateVariable', agent, name, value, version }, (result) => {
      answer = result?.commands.find(
        (c): c is VariableUpdateCommand => c.type === 'variableUpdate' && c.name === name,
      );
    });
    return answer;
  }

  /**
   * Blind transfer of the agent's connected contact to a queue, an Available agent or a number: the
   * engine's answer, or `refused` with why the engine did not take it (no connected contact).
   */
  transfer(name: string, target: TransferTarget): TransferAnswer {
    const core = this.core;
    const contactId = core.acd.agents.get(name)?.contactId;
    let answer: TransferAnswer = { result: 'refused', reason: `${name} has no connected contact` };
    if (contactId) {
      core.deliver(contactId, { type: 'agentTransfer', agent: name, target }, (result) => {
        const told = result?.commands.find((c) => c.type === 'transferResult' && c.agent === name);
        if (told?.type === 'transferResult')
          answer = {
            result: told.result,
            reason: told.reason,
            target: told.target,
            ...(told.callerId ? { callerId: told.callerId } : {}),
          };
        else {
          const ignored = result?.trace.find((e) => e.ignored)?.ignored;
          if (ignored) answer = { result: 'refused', reason: ignored };
        }
      });
    }
    core.observers.transferAnswered?.(name, contactId, target, answer);
    return answer;
  }

  /**
   * The agent places a call to a number (an agent-initiated callback); the agent is busy on it at once.
   * Throws {@link AgentNotAvailableError} (nothing placed) when the agent is Offline, RONA, in wrap-up
   * or already has a contact; throws for an agent not in the resources.
   */
  placeCallback(params: AgentCallbackParams, origin?: CallbackOrigin): StepResult {
    const core = this.core;
    const agent = core.acd.agents.get(params.agent);
    if (!agent) throw new RuntimeError('SIM001', `No agent "${params.agent}" in resources.agents.`);
    const refusal = callPlacingRefusal(agent);
    if (refusal) throw new AgentNotAvailableError(agent.name, agent.state, refusal);
    agent.state = 'Busy';
    agent.contactId = params.contactId;
    core.observers.agentChanged?.(params.agent);
    const result = core.start(params.contactId, (env) => startAgentCallback(env, params), origin);
    core.drain();
    return result;
  }
}
