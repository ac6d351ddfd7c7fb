import type { AgentState } from '@callflow/runtime';
import type { CallController, SimulationInputs, SimulationView } from './call-controller';
import type { CallSetup } from './call-setup';

/** A contact's trace as the file the panel downloads: what the call was, then its trace entries. */
export interface TraceDocument {
  contactId: string;
  flowId: string;
  trace: readonly unknown[];
  [field: string]: unknown;
}

/**
 * What both call controllers share (the browser's, on the runtime's simulator, and the service's, over
 * the API): the inputs, the current view and its listeners, and the trace file. Each subclass holds only
 * how it runs a call and how it sees one (`currentView`).
 */
export abstract class CallControllerBase implements CallController {
  protected inputs: SimulationInputs;
  private view: SimulationView | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(inputs: SimulationInputs) {
    this.inputs = inputs;
  }

  /** The view of the call as it is now (or of no call), made when it is published. */
  protected abstract currentView(): SimulationView;
  /** A call is being followed: new inputs wait for the next one. */
  protected abstract hasCall(): boolean;
  /** The trace of the call followed, with what the file says about the call; undefined without one. */
  protected abstract traceDocument(): TraceDocument | undefined;

  getView = (): SimulationView => {
    this.view ??= this.currentView();
    return this.view;
  };

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** New flow edits or resources: used by the next call; without one, the idle view follows at once. */
  setInputs(inputs: SimulationInputs): void {
    this.inputs = inputs;
    if (!this.hasCall()) this.publish();
  }

  traceFile(): { fileName: string; text: string } | undefined {
    const document = this.traceDocument();
    if (!document) return undefined;
    return {
      fileName: `${document.flowId}-${document.contactId}.trace.json`,
      text: `${JSON.stringify(document, null, 2)}\n`,
    };
  }

  /** Shows `view` (the current one unless given) to every listener. */
  protected publish(view: SimulationView = this.currentView()): void {
    this.view = view;
    for (const listener of this.listeners) listener();
  }

  abstract problem(setup: CallSetup): string | undefined;
  abstract start(setup: CallSetup): void;
  abstract press(key: string): void;
  abstract hangUp(): void;
  abstract advance(seconds: number): void;
  abstract skipToNextEvent(): void;
  abstract accept(agent: string): void;
  abstract ignore(agent: string): void;
  abstract agentHangUp(agent: string): void;
  abstract setAgentState(agent: string, state: AgentState): void;
  abstract reset(): void;
}
