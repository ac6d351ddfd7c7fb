import type { Flow, Resources } from '@callflow/model';
import type { AgentState, Scenario } from '@callflow/runtime';
import type { CallSetup } from './call-setup';
import type { AgentOffer, CallerIdChoice, TranscriptLine, VariableRow } from './simulation-view';

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
  /** The caller speaks a voicemail this long, then presses its finish key (the in-browser simulator only). */
  leaveMessage?(seconds: number): void;
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

export interface SimulationInputs {
  /** The open flow, unsaved edits included. */
  flow: Flow;
  resources: Resources | null;
  /** Every flow by id (modules, queue and whisper flows the call may enter). */
  flows: Record<string, Flow>;
}

export interface AgentRow {
  name: string;
  displayName: string;
  groups: string[];
  state: AgentState;
  /** On a call (accepted, or their own callback): the agent can hang up. */
  onCall: boolean;
}

export interface SimulationView {
  phase: 'idle' | 'running' | 'ended';
  contactId: string | null;
  /** The contact's status in the runtime: running, queued, offered, whisper, connected... */
  status: string | null;
  endReason: string | null;
  /** Virtual time, epoch ms. */
  clock: number;
  /** The next deadline the contact waits for (a menu timeout, a hold loop), epoch ms. */
  nextTimerAt: number | null;
  /** The caller can press keys. */
  canPress: boolean;
  transcript: TranscriptLine[];
  variables: VariableRow[];
  system: VariableRow[];
  offers: AgentOffer[];
  callerIds: CallerIdChoice[];
  agents: AgentRow[];
  errors: string[];
  activeBlockId: string | null;
  /** A Voicemail block is recording the caller now: they may speak a message (in the browser only). */
  recordingMessage?: boolean;
  visitedBlockIds: string[];
}

/** The call just simulated as a flow-test scenario, replayed once to be sure it passes as recorded. */
export interface RecordedScenario {
  scenario: Scenario;
  /** What of the call the scenario cannot express (an agent who hung up...). */
  notes: string[];
  /** Why the replay did not pass; empty when the scenario can be saved. */
  failures: { path: string; message: string }[];
}
