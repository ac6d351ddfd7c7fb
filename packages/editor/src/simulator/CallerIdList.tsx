import type { CallerIdChoice } from './simulation-view';

/** Each caller ID the runtime chose for an outbound leg, the rule that chose it and why. */
export function CallerIdList({ choices }: { choices: readonly CallerIdChoice[] }) {
  if (choices.length === 0) return null;
  return (
    <section className="sim-caller-ids" aria-label="Caller ID">
      <h3>Caller ID</h3>
      <ul>
        {choices.map((choice) => (
          <li key={choice.key} data-leg={choice.leg}>
            <strong className="sim-caller-id-number">{choice.number ?? 'none'}</strong>
            {choice.name && <span> “{choice.name}”</span>}
            {choice.block && <span className="muted"> at {choice.block}</span>}
            {choice.leg === 'callback' && <span className="muted"> for the callback</span>}
            <div>
              Rule: <code>{choice.rule}</code>
            </div>
            <div className="sim-reason">{choice.reason}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}
