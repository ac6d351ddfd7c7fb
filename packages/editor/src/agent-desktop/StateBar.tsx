import type { AgentState } from '@callflow/runtime';
import { useState } from 'react';
import { act, setState, useDesktop } from './desktop-store';

const LABEL: Record<AgentState, string> = {
  Available: 'Available',
  Busy: 'Busy',
  Offline: 'Offline',
  RONA: 'RONA (did not answer)',
  WrapUp: 'Wrap-up',
};

/** States an agent picks by hand; RONA and Wrap-up are left through their own panels below. */
const CHOICES: readonly AgentState[] = ['Available', 'Offline', 'Busy'];

/** The agent's state, how to change it, and the way out of RONA and wrap-up. */
export function StateBar() {
  const agent = useDesktop((s) => s.agent);
  if (!agent) return null;
  // On a call, or in a consult (asked, answered or held): the state follows the call, not the picker.
  const onContact = (agent.contactId !== null && agent.state === 'Busy') || Boolean(agent.consult);
  return (
    <section className="desk-state" aria-label="State" data-state={agent.state}>
      <span className="desk-state-badge">{LABEL[agent.state]}</span>
      {(agent.state === 'Available' || agent.state === 'Offline' || agent.state === 'Busy') && (
        <label>
          Set state
          <select
            value={agent.state}
            disabled={onContact}
            onChange={(e) => void setState(e.target.value as AgentState)}
          >
            {CHOICES.map((state) => (
              <option key={state} value={state}>
                {state}
              </option>
            ))}
          </select>
        </label>
      )}
      {agent.state === 'RONA' && (
        <div role="status" className="desk-rona">
          <p>
            A call rang out without an answer: it went back to its queue, and no calls are offered to you.
          </p>
          <button type="button" className="primary" onClick={() => void setState('Available')}>
            Available again
          </button>
          <button type="button" onClick={() => void setState('Offline')}>
            Go offline
          </button>
        </div>
      )}
      {agent.state === 'WrapUp' && <WrapUp />}
    </section>
  );
}

const NO_REASONS: readonly string[] = [];

/** The admin's wrap-up reasons; a reason is required before the next call. */
function WrapUp() {
  const reasons = useDesktop((s) => s.profile?.wrapUpReasons) ?? NO_REASONS;
  const [reason, setReason] = useState('');
  const done = () => void act((api) => api.wrapUp(reason), `Wrapped up: ${reason}`);
  return (
    <form
      className="desk-wrapup"
      aria-label="Wrap-up"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason) done();
      }}
    >
      {reasons.length > 0 ? (
        <label>
          Wrap-up reason
          <select value={reason} onChange={(e) => setReason(e.target.value)} required>
            <option value="">Choose a reason</option>
            {reasons.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <label>
          Wrap-up reason
          <input value={reason} maxLength={100} onChange={(e) => setReason(e.target.value)} required />
        </label>
      )}
      <button type="submit" className="primary" disabled={!reason}>
        Done
      </button>
    </form>
  );
}
