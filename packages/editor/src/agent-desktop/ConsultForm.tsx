import { useState } from 'react';
import { DialNumberField, dialNumberOk } from './DialNumberField';
import { act, useDesktop } from './desktop-store';

type Kind = 'agent' | 'number';

/**
 * Starts a consult while the customer holds: with another agent (only those Available now: never
 * oneself, never one in wrap-up) or with a number, cleaned and checked as the dial pad does, presented
 * with one of the agent's allowed numbers or as the center decides.
 */
export function ConsultForm() {
  const profile = useDesktop((s) => s.profile);
  const [kind, setKind] = useState<Kind>('agent');
  const [agent, setAgent] = useState('');
  const [number, setNumber] = useState('');
  const [callerId, setCallerId] = useState('');
  const available = (profile?.agents ?? []).filter((a) => a.state === 'Available');
  const target =
    kind === 'agent' && available.some((a) => a.name === agent)
      ? { agent }
      : kind === 'number' && dialNumberOk(number)
        ? { number }
        : null;
  return (
    <form
      className="desk-transfer"
      aria-label="Consult"
      onSubmit={(e) => {
        e.preventDefault();
        if (!target) return;
        const picked = 'number' in target && callerId ? callerId : undefined;
        void act((api) => api.startConsult(target, picked));
      }}
    >
      <fieldset>
        <legend>Consult</legend>
        {(['agent', 'number'] as const).map((k) => (
          <label key={k}>
            <input type="radio" name="consult-kind" checked={kind === k} onChange={() => setKind(k)} />
            {k === 'agent' ? 'An agent' : 'A number'}
          </label>
        ))}
      </fieldset>
      {kind === 'agent' && (
        <label>
          Agent to consult
          <select value={agent} onChange={(e) => setAgent(e.target.value)}>
            <option value="">
              {available.length ? 'Choose an available agent' : 'No other agent is available'}
            </option>
            {available.map((a) => (
              <option key={a.name} value={a.name}>
                {a.displayName}
              </option>
            ))}
          </select>
        </label>
      )}
      {kind === 'number' && <DialNumberField label="Number to consult" value={number} onChange={setNumber} />}
      {kind === 'number' && (
        <label>
          Consult as
          <select value={callerId} onChange={(e) => setCallerId(e.target.value)}>
            <option value="">As the center decides</option>
            {(profile?.numbers ?? []).map((n) => (
              <option key={n.name} value={n.name}>
                {n.displayName} ({n.number})
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="submit" disabled={!target}>
        Consult
      </button>
    </form>
  );
}
