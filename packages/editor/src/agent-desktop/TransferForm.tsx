import { useState } from 'react';
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
  const available = (profile?.agents ?? []).filter((a) => a.state === 'Available');
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
      {kind === 'agent' && (
        <label>
          Agent
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
      {kind === 'number' && (
        <label>
          Present as
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
        Transfer
      </button>
    </form>
  );
}
