import { CallerIdWhy } from './DialPad';
import type { DesktopConsult } from './desktop-api';
import { act, useDesktop } from './desktop-store';

/**
 * The consult the agent holds while the customer waits: whom it reaches and whether they answered,
 * the caller ID a consulted number is shown (with the service's explanation), then Complete transfer
 * (warm transfer: the customer goes to the consulted party) or Cancel consult (back to the customer).
 */
export function ConsultPanel({ consult }: { consult: DesktopConsult }) {
  const agents = useDesktop((s) => s.profile?.agents);
  const whom =
    'agent' in consult.to
      ? (agents?.find((a) => a.name === (consult.to as { agent: string }).agent)?.displayName ??
        consult.to.agent)
      : consult.to.number;
  const answered = consult.status === 'connected';
  return (
    <section className="desk-panel desk-consult" aria-label="Consult" data-status={consult.status}>
      <p role="status">
        {answered ? `Consulting ${whom}: the customer is on hold.` : `Asking ${whom} to take the consult…`}
      </p>
      {consult.callerId && <CallerIdWhy decision={consult.callerId} />}
      <button
        type="button"
        className="primary"
        disabled={!answered}
        onClick={() => void act((api) => api.completeConsult(), `Transferred to ${whom}.`)}
      >
        Complete transfer
      </button>
      <button
        type="button"
        onClick={() => void act((api) => api.cancelConsult(), 'Consult ended: back to the customer.')}
      >
        Cancel consult
      </button>
    </section>
  );
}
