import { CadTable } from './CadTable';
import { CallbackPanel } from './CallbackPanel';
import { ConsultForm } from './ConsultForm';
import { ConsultPanel } from './ConsultPanel';
import { act, useDesktop } from './desktop-store';
import { TransferForm } from './TransferForm';

/**
 * The call the agent is on: who, through which queue, its data, and what the agent can do with it —
 * or, for an agent consulted on another agent's call, that call's data and the way out of the consult.
 */
export function ConnectedCall() {
  const contact = useDesktop((s) => s.contact);
  const consult = useDesktop((s) => s.agent?.consult ?? null);
  if (!contact) return null;
  const summary = `${contact.callerNumber ?? 'Unknown caller'} → ${contact.dialedNumber}${contact.queue ? ` · ${contact.queue}` : ''}`;
  if (consult?.role === 'consulted') {
    const from = consult.popover.find((line) => line.name === '$agentName')?.value ?? consult.from;
    return (
      <section className="desk-call" aria-label="Consulted call" data-contact={contact.contactId}>
        <header>
          <h2>Consult with {String(from)}</h2>
          <span>{summary}</span>
          <button type="button" onClick={() => void act((api) => api.cancelConsult(), 'Consult ended.')}>
            End consult
          </button>
        </header>
        <CadTable variables={contact.variables} />
      </section>
    );
  }
  return (
    <section className="desk-call" aria-label="Connected call" data-contact={contact.contactId}>
      <header>
        <h2>On a call</h2>
        <span>{summary}</span>
        <button type="button" className="danger" onClick={() => void act((api) => api.hangUp())}>
          Hang up
        </button>
      </header>
      <CadTable variables={contact.variables} />
      {consult ? (
        <ConsultPanel consult={consult} />
      ) : (
        <>
          <TransferForm />
          <ConsultForm />
          <CallbackPanel />
        </>
      )}
    </section>
  );
}
