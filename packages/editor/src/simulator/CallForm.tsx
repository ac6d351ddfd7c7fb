import { type FormEvent, useId } from 'react';
import type { CallSetup } from './call-setup';

interface CallFormProps {
  setup: CallSetup;
  problem: string | undefined;
  inCall: boolean;
  /** False while the runtime is still loading: a click then would be lost. */
  ready: boolean;
  /** The call's start time is asked for in the browser; the service runs on its own clock. */
  askTime: boolean;
  onChange: (setup: CallSetup) => void;
  onStart: () => void;
}

/** Who calls which number, and when (the time decides what the business-hours checks say). */
export function CallForm({ setup, problem, inCall, ready, askTime, onChange, onStart }: CallFormProps) {
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!problem && ready) onStart();
  };
  return (
    <form className="sim-call-form" aria-label="Start a call" onSubmit={submit}>
      <label htmlFor={`${id}-from`}>Caller number</label>
      <input
        id={`${id}-from`}
        value={setup.from}
        inputMode="tel"
        autoComplete="off"
        onChange={(e) => onChange({ ...setup, from: e.target.value })}
      />
      <label htmlFor={`${id}-to`}>Dialled number</label>
      <input
        id={`${id}-to`}
        value={setup.to}
        inputMode="tel"
        autoComplete="off"
        onChange={(e) => onChange({ ...setup, to: e.target.value })}
      />
      {askTime && (
        <>
          <label htmlFor={`${id}-at`}>Call time ({setup.timeZone})</label>
          <input
            id={`${id}-at`}
            type="datetime-local"
            value={setup.localStart}
            onChange={(e) => onChange({ ...setup, localStart: e.target.value })}
          />
        </>
      )}
      {problem && (
        <p className="sim-problem" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="primary" disabled={problem !== undefined || !ready}>
        {inCall ? 'Restart call' : 'Start call'}
      </button>
    </form>
  );
}
