import type { AgentState } from '@callflow/runtime';
import type { CallSetup } from './call-setup';
import type { RecordedScenario, SimulationInputs, SimulationView } from './simulation-controller';

/** Where the simulator runs a call: the open draft in the browser, or the live version on the service. */
export type SimulationMode = 'browser' | 'service';

/** What the simulator panel asks of a call, wherever it runs. */
export interface CallController {
  getView(): SimulationView;
  subscribe(listener: () => void): () => void;
  setInputs(inputs: SimulationInputs): void;
  problem(setup: CallSetup): string | undefined;
  start(setup: CallSetup): void;
  press(key: string): void;
  hangUp(): void;
  advance(seconds: number): void;
  skipToNextEvent(): void;
  accept(agent: string): void;
  ignore(agent: string): void;
  agentHangUp(agent: string): void;
  setAgentState(agent: string, state: AgentState): void;
  reset(): void;
  traceFile(): { fileName: string; text: string } | undefined;
  /** The call just simulated as a test scenario (the in-browser simulator only). */
  recordScenario?(name: string): RecordedScenario | undefined;
  /** The panel now shows this controller (the service's agents are loaded then). */
  activate?(): void;
  /** The panel shows the other mode now. */
  deactivate?(): void;
}
