import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Flow, Resources } from '@callflow/model';
import type { AgentState } from '../../host/acd.js';
import { isContactOver } from '../../rules/contact-over.js';
import type { CannedHttp } from '../../simulator/http.js';
import { createSimulator, type Simulator } from '../../simulator/simulator.js';
import type { NumberBehaviour } from '../../simulator/telephony.js';
import { runScenario, type ScenarioResult } from '../run-scenario.js';
import { type ScenarioDraft, scenarioFromCall } from '../scenario-from-call.js';

// The sample flows and resources of the repository: what an admin opens first in the designer.
const FLOWS_DIR = join(import.meta.dirname, '..', '..', '..', '..', '..', 'flows');
export const sampleResources = JSON.parse(
  readFileSync(join(FLOWS_DIR, 'resources.json'), 'utf8'),
) as Resources;
export const sampleFlows: Flow[] = readdirSync(FLOWS_DIR)
  .filter((f) => f.endsWith('.flow.json'))
  .map((f) => JSON.parse(readFileSync(join(FLOWS_DIR, f), 'utf8')) as Flow);

export interface HandCallSetup {
  flow: string;
  at: string;
  from: string;
  to: string;
  /** States chosen before the call; every other agent is Available, as in the designer. */
  agents?: Record<string, AgentState>;
  /** How dialled numbers behave (the designer's simulator lets them all answer). */
  numbers?: Record<string, NumberBehaviour>;
  /** Web services' answers (the designer's simulator answers every request 404). */
  http?: CannedHttp;
}

/**
 * An admin trying a call in the designer's simulator, one click at a time: after each action the
 * prompts play to their end before the next click (as the designer's simulation controller does).
 */
export class HandCall {
  readonly sim: Simulator;
  readonly contactId: string;
  readonly agentsAtStart: Record<string, AgentState> = {};
  readonly agentChanges: { agent: string; state: AgentState; at: number }[] = [];

  constructor(readonly setup: HandCallSetup) {
    for (const name of Object.keys(sampleResources.agents)) {
      this.agentsAtStart[name] = setup.agents?.[name] ?? 'Available';
    }
    this.sim = createSimulator({
      flows: sampleFlows,
      resources: sampleResources,
      now: setup.at,
      agents: this.agentsAtStart,
      ...(setup.numbers ? { numbers: setup.numbers } : {}),
      ...(setup.http ? { http: setup.http } : {}),
    });
    this.contactId = this.sim.startCall({ flow: setup.flow, from: setup.from, to: setup.to });
    this.settle();
  }

  /** Keys pressed on the keypad one at a time. */
  press(keys: string): this {
    for (const key of keys) this.act(() => this.sim.press(this.contactId, key));
    return this;
  }

  advance(seconds: number): this {
    return this.act(() => this.sim.advance(seconds));
  }

  hangUp(): this {
    return this.act(() => this.sim.hangUp(this.contactId));
  }

  accept(agent: string): this {
    return this.act(() => this.sim.agent(agent).accept());
  }

  ignore(agent: string): this {
    return this.act(() => this.sim.agent(agent).ignore());
  }

  agentHangUp(agent: string): this {
    return this.act(() => this.sim.agent(agent).hangUp());
  }

  setAgentState(agent: string, state: AgentState): this {
    this.agentChanges.push({ agent, state, at: this.sim.now() });
    return this.act(() => this.sim.agent(agent).setState(state));
  }

  /** The agent with an offer ringing now, if any. */
  offeredAgent(): string | undefined {
    return Object.keys(sampleResources.agents).find((name) => this.sim.agent(name).offer !== undefined);
  }

  status(): string | undefined {
    return this.sim.snapshot(this.contactId)?.status;
  }

  draft(name = 'recorded call'): ScenarioDraft {
    return scenarioFromCall({
      sim: this.sim,
      contactId: this.contactId,
      flow: this.setup.flow,
      call: { from: this.setup.from, to: this.setup.to, at: new Date(this.setup.at).toISOString() },
      agentsAtStart: this.agentsAtStart,
      agentChanges: this.agentChanges,
      name,
    });
  }

  /** The draft's scenario played by the runner on the same flows and resources. */
  replay(draft: ScenarioDraft): ScenarioResult {
    return runScenario({
      flows: sampleFlows,
      resources: sampleResources,
      test: { flow: this.setup.flow },
      scenario: draft.scenario,
    });
  }

  private act(action: () => void): this {
    action();
    this.settle();
    return this;
  }

  private settle(): void {
    for (let s = 0; s < 600 && this.promptPlaying(); s++) this.sim.advance(1);
  }

  private promptPlaying(): boolean {
    const snapshot = this.sim.snapshot(this.contactId);
    if (!snapshot || isContactOver(snapshot)) return false;
    const playing = new Set<string>();
    for (const e of this.sim.events) {
      if (e.contactId !== this.contactId) continue;
      const detail = e.detail as { ref?: string; loop?: boolean } | undefined;
      if (!detail?.ref) continue;
      if (e.direction === 'command' && e.type === 'play' && !detail.loop) playing.add(detail.ref);
      else if (e.direction === 'event' && (e.type === 'promptDone' || e.type === 'adapterError'))
        playing.delete(detail.ref);
    }
    return playing.size > 0;
  }
}
