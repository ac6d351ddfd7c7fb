import { useId } from 'react';
import type { FlowListItem } from '../api/client';
import type { SimulationMode } from './call-controller';

interface RunModeSwitchProps {
  mode: SimulationMode;
  /** The open flow's live version on the service, null when it has none. */
  live: number | null;
  onChange: (mode: SimulationMode) => void;
}

/** Why a call cannot run on the service, or undefined: the service runs published versions only. */
export function serviceProblem(listed: Pick<FlowListItem, 'live'> | undefined): string | undefined {
  if (!listed) return 'Save this flow and publish it first: the service runs published versions only.';
  if (listed.live === null) return 'Publish this flow first: the service runs published versions only.';
  return undefined;
}

/** Where the next call runs: the draft in the browser, or the live version on the service. */
export function RunModeSwitch({ mode, live, onChange }: RunModeSwitchProps) {
  const id = useId();
  return (
    <fieldset className="sim-mode">
      <legend>Run the call</legend>
      <label htmlFor={`${id}-browser`}>
        <input
          id={`${id}-browser`}
          type="radio"
          name={`${id}-mode`}
          checked={mode === 'browser'}
          onChange={() => onChange('browser')}
        />
        In the browser (this draft)
      </label>
      <label htmlFor={`${id}-service`}>
        <input
          id={`${id}-service`}
          type="radio"
          name={`${id}-mode`}
          checked={mode === 'service'}
          onChange={() => onChange('service')}
        />
        On the service (live version)
      </label>
      {mode === 'service' && live !== null && (
        <p className="muted sim-mode-note">
          Runs version {live}, the live version, on the service’s clock with its agents; edits not published
          are not in it.
        </p>
      )}
    </fieldset>
  );
}
