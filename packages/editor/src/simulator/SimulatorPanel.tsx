import type { Flow, Resources } from '@callflow/model';
import { useEffect, useMemo, useState } from 'react';
import { downloadText } from '../files/download';
import { useEditorStore } from '../store/flow-store';
import { AgentList } from './AgentList';
import { AgentPopover } from './AgentPopover';
import { CallerIdList } from './CallerIdList';
import { CallForm } from './CallForm';
import { ClockControls } from './ClockControls';
import type { SimulationView } from './call-controller';
import { type CallSetup, callSetupProblem, defaultCallSetup, wallClock } from './call-setup';
import { Keypad } from './Keypad';
import { RunModeSwitch, serviceProblem } from './RunModeSwitch';
import { SaveAsTest } from './SaveAsTest';
import { useSimulationStore } from './simulation-store';
import { Transcript } from './Transcript';
import { useSimulation } from './use-simulation';
import { VariablesTable } from './VariablesTable';
import './simulator.css';

export interface SimulatorPanelProps {
  /** The flow open in the editor, unsaved edits included. */
  flow: Flow;
  /** The resources file, or null while it loads or when the server has none. */
  resources: Resources | null;
  /** Every flow by id, so that transfers to other flows and module invocations can be followed. */
  flows: Record<string, Flow>;
}

// Only these may be chosen by hand; RONA, Busy and WrapUp come from calls.
const AGENT_STATES = ['Available', 'Offline'] as const;

/**
 * Simulates a call through the open flow: in the browser (the draft as edited, on a virtual clock, with
 * simulated agents) or on the service (the live version, on the service's clock, with its agents).
 */
export function SimulatorPanel({ flow, resources, flows }: SimulatorPanelProps) {
  const inputs = useMemo(() => ({ flow, resources, flows }), [flow, resources, flows]);
  const { mode, controller, view } = useSimulation(inputs);
  const listed = useEditorStore((s) => s.flows.find((f) => f.id === flow.id));
  const onService = mode === 'service';
  const [setup, setSetup] = useState<CallSetup>(() => defaultCallSetup(resources, new Date()));
  const [edited, setEdited] = useState(false);
  // The resources arrive after the panel: take their numbers and time zone until the admin types.
  useEffect(() => {
    if (!edited) setSetup(defaultCallSetup(resources, new Date()));
  }, [resources, edited]);

  const problem =
    (onService ? serviceProblem(listed) : undefined) ??
    (controller ? controller.problem(setup) : callSetupProblem(setup, flow));
  const timeZone = setup.timeZone;
  const timeOf = (at: number) => wallClock(new Date(at), timeZone).slice(11) + secondsOf(at);
  const inCall = view?.phase === 'running';

  return (
    <section className="panel sim-panel" aria-label="Simulator">
      <RunModeSwitch
        mode={mode}
        live={listed?.live ?? null}
        onChange={(next) => useSimulationStore.getState().setMode(next)}
      />
      <CallForm
        setup={setup}
        problem={problem}
        inCall={inCall}
        ready={controller !== null}
        askTime={!onService}
        onChange={(next) => {
          setEdited(true);
          setSetup(next);
        }}
        onStart={() => controller?.start(setup)}
      />
      {!view && (
        <p className="muted">{onService ? 'Connecting to the service…' : 'Loading the simulator…'}</p>
      )}
      {view && view.phase !== 'idle' && (
        <>
          <div className="sim-status" role="status" aria-label="Call status">
            {view.phase === 'running'
              ? `In call · ${view.status}`
              : `Call ended · ${view.endReason ?? view.status}`}
            {view.activeBlockId && (
              <span className="muted">
                {' '}
                · at <code>{view.activeBlockId}</code>
              </span>
            )}
          </div>
          <div className="sim-actions">
            <button type="button" className="danger" disabled={!inCall} onClick={() => controller?.hangUp()}>
              Hang up
            </button>
            {controller?.leaveMessage && (
              <button
                type="button"
                disabled={!inCall || view.recordingMessage !== true}
                onClick={() => controller.leaveMessage?.(10)}
              >
                Leave a 10 s message
              </button>
            )}
            <button
              type="button"
              onClick={() => {
                const file = controller?.traceFile();
                if (file) downloadText(file.fileName, file.text);
              }}
            >
              Download trace
            </button>
            <button type="button" onClick={() => controller?.reset()}>
              Clear
            </button>
          </div>
          {view.phase === 'ended' && controller?.recordScenario && (
            <SaveAsTest
              key={view.contactId}
              flow={flow}
              suggestedName={suggestedName(view)}
              record={(name) => controller.recordScenario?.(name)}
            />
          )}
          <Keypad disabled={!view.canPress} onPress={(key) => controller?.press(key)} />
          {!onService && (
            <ClockControls
              now={timeOf(view.clock)}
              nextTimer={view.nextTimerAt === null ? undefined : timeOf(view.nextTimerAt)}
              disabled={!inCall}
              onAdvance={(seconds) => controller?.advance(seconds)}
              onNextEvent={() => controller?.skipToNextEvent()}
            />
          )}
          {view.errors.map((error) => (
            <p key={error} className="sim-problem" role="alert">
              {error}
            </p>
          ))}
          <Transcript lines={view.transcript} timeOf={timeOf} />
          <CallerIdList choices={view.callerIds} />
          {view.offers.map((offer, i) => (
            <AgentPopover
              // biome-ignore lint/suspicious/noArrayIndexKey: offers only accumulate during a call
              key={i}
              offer={offer}
              onAccept={() => controller?.accept(offer.agent)}
              ignoreLabel={onService ? 'Reject' : 'Ignore'}
              onIgnore={() => controller?.ignore(offer.agent)}
            />
          ))}
          <VariablesTable title="Variables" rows={view.variables} />
          <VariablesTable title="System variables" rows={view.system} />
        </>
      )}
      {view && (
        <AgentList
          agents={view.agents}
          states={AGENT_STATES}
          onState={(agent, state) => controller?.setAgentState(agent, state as (typeof AGENT_STATES)[number])}
          onHangUp={(agent) => controller?.agentHangUp(agent)}
        />
      )}
    </section>
  );
}

/** A first name for a recorded scenario: the keys pressed and how the call ended. */
function suggestedName(view: SimulationView): string {
  const keys = view.transcript
    .filter((line) => line.kind === 'caller' && line.text.startsWith('Pressed '))
    .map((line) => line.text.slice('Pressed '.length))
    .join(' ');
  return `${keys ? `pressed ${keys}` : 'no keys pressed'}: ${view.endReason ?? view.status ?? 'ended'}`;
}

function secondsOf(at: number): string {
  return `:${String(new Date(at).getUTCSeconds()).padStart(2, '0')}`;
}
