interface ClockControlsProps {
  now: string;
  nextTimer: string | undefined;
  disabled: boolean;
  onAdvance: (seconds: number) => void;
  onNextEvent: () => void;
}

const STEPS: { seconds: number; label: string }[] = [
  { seconds: 1, label: '+1 s' },
  { seconds: 10, label: '+10 s' },
  { seconds: 60, label: '+1 min' },
  { seconds: 600, label: '+10 min' },
];

/** The simulated clock: time only moves when the admin says so, so timeouts and hold loops can be stepped. */
export function ClockControls({ now, nextTimer, disabled, onAdvance, onNextEvent }: ClockControlsProps) {
  return (
    <fieldset className="sim-clock" aria-label="Clock">
      <output className="sim-clock-now" aria-label="Simulated time">
        {now}
      </output>
      {STEPS.map((step) => (
        <button
          key={step.seconds}
          type="button"
          disabled={disabled}
          aria-label={`Advance the clock ${step.label.slice(1)}`}
          onClick={() => onAdvance(step.seconds)}
        >
          {step.label}
        </button>
      ))}
      <button
        type="button"
        disabled={disabled}
        onClick={onNextEvent}
        title={
          nextTimer ? `Next timer at ${nextTimer}` : 'Runs the clock until something happens to the call'
        }
      >
        Next event
      </button>
    </fieldset>
  );
}
