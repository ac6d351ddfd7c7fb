import { useState } from 'react';
import { AvailableAgentSelect, CallerIdSelect, useAvailableAgents } from './CallPickers';
import { DialNumberField, dialNumberOk } from './DialNumberField';
import { act } from './desktop-store';

type Kind = 'agent' | 'number';

/**
 * Starts a consult while the customer holds: with another agent (only those Available now: never
 * oneself, never one in wrap-up) or with a number, cleaned and checked as the dial pad does, presented
 * with one of the agent's allowed numbers or as the center decides.
 */
export function ConsultForm() {
  const [kind, setKind] = useState<Kind>('agent');
  const [agent, setAgent] = useState('');
  const [number, setNumber] = useState('');
  const [callerId, setCallerId] = useState('');
  const available = useAvailableAgents();
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
        <AvailableAgentSelect label="Agent to consult" value={agent} onChange={setAgent} />
      )}
      {kind === 'number' && <DialNumberField label="Number to consult" value={number} onChange={setNumber} />}
      {kind === 'number' && <CallerIdSelect label="Consult as" value={callerId} onChange={setCallerId} />}
      <button type="submit" disabled={!target}>
        Consult
      </button>
    </form>
  );
}
