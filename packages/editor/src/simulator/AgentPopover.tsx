import type { AgentOffer } from './simulation-view';

interface AgentPopoverProps {
  offer: AgentOffer;
  onAccept: () => void;
  onIgnore: () => void;
  /** "Ignore" (let it ring out) in the browser, "Reject" on the service. */
  ignoreLabel?: string;
}

const STATE: Record<AgentOffer['state'], string> = {
  offered: 'Ringing',
  accepted: 'Accepted',
  ignored: 'Not answered (RONA)',
  withdrawn: 'Withdrawn',
};

/** The popover the agent desktop shows when the call is offered: the flow's variables, in its order. */
export function AgentPopover({ offer, onAccept, onIgnore, ignoreLabel = 'Ignore' }: AgentPopoverProps) {
  const open = offer.state === 'offered';
  return (
    <section className="sim-popover" aria-label={`Popover for ${offer.agent}`} data-state={offer.state}>
      <header>
        <strong>{offer.title}</strong> offered to {offer.agent} · <span>{STATE[offer.state]}</span>
      </header>
      <dl>
        {offer.lines.map((line) => (
          <div key={line.label} className="sim-popover-line">
            <dt>{line.label}</dt>
            <dd>{line.value}</dd>
          </div>
        ))}
      </dl>
      {open && (
        <div className="sim-actions">
          <button type="button" className="primary" onClick={onAccept}>
            Accept as {offer.agent}
          </button>
          <button type="button" onClick={onIgnore}>
            {ignoreLabel}
          </button>
        </div>
      )}
    </section>
  );
}
