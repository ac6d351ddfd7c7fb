import type { Flow, Resources } from '@callflow/model';

export interface SimulatorPanelProps {
  /** The flow open in the editor, unsaved edits included. */
  flow: Flow;
  /** The resources file, or null while it loads or when the server has none. */
  resources: Resources | null;
  /** Every flow by id, so that transfers to other flows and module invocations can be followed. */
  flows: Record<string, Flow>;
}

/** Simulates a call through the open flow in the browser. */
export function SimulatorPanel(props: SimulatorPanelProps) {
  return (
    <section aria-label="Simulator" data-testid="simulator-panel">
      <h2>Simulator</h2>
      <p>Simulate a call through {props.flow.name}.</p>
    </section>
  );
}
