import { CadTable } from './CadTable';
import { CallbackPanel } from './CallbackPanel';
import { act, useDesktop } from './desktop-store';
import { TransferForm } from './TransferForm';

/** The call the agent is on: who, through which queue, its data, and what the agent can do with it. */
export function ConnectedCall() {
  const contact = useDesktop((s) => s.contact);
  if (!contact) return null;
  return (
    <section className="desk-call" aria-label="Connected call" data-contact={contact.contactId}>
      <header>
        <h2>On a call</h2>
        <span>
          {contact.callerNumber ?? 'Unknown caller'} → {contact.dialedNumber}
          {contact.queue ? ` · ${contact.queue}` : ''}
        </span>
        <button type="button" className="danger" onClick={() => void act((api) => api.hangUp())}>
          Hang up
        </button>
      </header>
      <CadTable variables={contact.variables} />
      <TransferForm />
      <CallbackPanel />
    </section>
  );
}
