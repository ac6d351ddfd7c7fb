import { useState } from 'react';
import { AvailableAgentSelect, CallerIdSelect, useAvailableAgents } from './CallPickers';
import { DialNumberField, dialNumberOk } from './DialNumberField';
import type { TransferTo } from './desktop-api';
import { act, useDesktop } from './desktop-store';

type Kind = 'agent' | 'queue' | 'number';

/**
 * A blind transfer of the connected call: to an Available agent (never oneself, never one in wrap-up:
 * the list holds only the other agents now Available), to a queue, or to a number.
 */
export function TransferForm() {
  const profile = useDesktop((s) => s.profile);
  const [kind, setKind] = useState<Kind>('agent');
  const [agent, setAgent] = useState('');
  const [queue, setQueue] = useState('');
  const [number, setNumber] = useState('');
  const [callerId, setCallerId] = useState('');
  const available = useAvailableAgents();
  const target: TransferTo | null =
    kind === 'agent' && available.some((a) => a.name === agent)
      ? { agent }
      : kind === 'queue' && queue
        ? { queue }
        : kind === 'number' && dialNumberOk(number)
          ? { number }
          : null;
  return (
    <form
      className="desk-transfer"
      aria-label="Transfer"
      onSubmit={(e) => {
        e.preventDefault();
        if (!target) return;
        const picked = 'number' in target && callerId ? callerId : undefined;
        void act((api) => api.transfer(target, picked), 'Transferred.');
      }}
    >
      <fieldset>
        <legend>Transfer to</legend>
        {(['agent', 'queue', 'number'] as const).map((k) => (
          <label key={k}>
            <input type="radio" name="transfer-kind" checked={kind === k} onChange={() => setKind(k)} />
            {k === 'agent' ? 'An agent' : k === 'queue' ? 'A queue' : 'A number'}
          </label>
        ))}
      </fieldset>
      {kind === 'agent' && <AvailableAgentSelect label="Agent" value={agent} onChange={setAgent} />}
      {kind === 'queue' && (
        <label>
          Queue
          <select value={queue} onChange={(e) => setQueue(e.target.value)}>
            <option value="">Choose a queue</option>
            {(profile?.queues ?? []).map((q) => (
              <option key={q.name} value={q.name}>
                {q.displayName}
              </option>
            ))}
          </select>
        </label>
      )}
      {kind === 'number' && <DialNumberField label="Number" value={number} onChange={setNumber} />}
      {kind === 'number' && <CallerIdSelect label="Present as" value={callerId} onChange={setCallerId} />}
      <button type="submit" disabled={!target}>
        Transfer
      </button>
    </form>
  );
}
