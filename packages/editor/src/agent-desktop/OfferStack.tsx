import { useEffect, useState } from 'react';
import { type DesktopOffer, offeredAt } from './desktop-api';
import { act, useDesktop } from './desktop-store';
import { offerPage } from './offer-pages';

function valueText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Seconds left to answer, counted on this browser's clock from when the offer arrived. */
function useRingSeconds(offer: DesktopOffer, seenAt: number | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (offer.timeoutSeconds === undefined) return null;
  // Counted from when it reached this desktop: the service's clock may be set apart (a simulated day).
  const started = seenAt ?? now;
  return Math.max(0, Math.ceil(offer.timeoutSeconds - (now - started) / 1000));
}

/**
 * The offers waiting for the agent as the runtime built them: the title (the queue, or
 * Callback) and the popover lines in the admin's order with their desktop labels (secure variables are
 * never in them), earliest first, five at a time.
 */
export function OfferStack() {
  const agent = useDesktop((s) => s.agent);
  const [page, setPage] = useState(0);
  const offers = agent?.offers ?? (agent?.offer ? [agent.offer] : []);
  if (offers.length === 0) return null;
  const current = offerPage(offers, page, offeredAt);
  return (
    <section className="desk-offers" aria-label="Offers">
      {current.label && (
        <nav className="desk-offer-pages" aria-label="Offer pages">
          <button type="button" disabled={current.page === 0} onClick={() => setPage(current.page - 1)}>
            Earlier
          </button>
          <span>{current.label}</span>
          <button
            type="button"
            disabled={current.page >= current.pages - 1}
            onClick={() => setPage(current.page + 1)}
          >
            Later
          </button>
        </nav>
      )}
      {current.shown.map((offer, index) => (
        <OfferPopover
          key={offer.contactId ?? index}
          offer={offer}
          first={current.page === 0 && index === 0}
        />
      ))}
    </section>
  );
}

function OfferPopover({ offer, first }: { offer: DesktopOffer; first: boolean }) {
  const seenAt = useDesktop((s) => s.offerSeenAt);
  const seconds = useRingSeconds(offer, seenAt);
  return (
    <article className="desk-popover" aria-label={`Offer: ${offer.title}`} data-kind={offer.kind ?? 'call'}>
      <header>
        <strong>{offer.title}</strong>
        {seconds !== null && (
          <span className="desk-ring" role="timer" aria-label="Rings for">
            {seconds} s
          </span>
        )}
      </header>
      <dl>
        {offer.popover.map((line) => (
          <div key={line.name}>
            <dt>{line.label}</dt>
            <dd>{valueText(line.value)}</dd>
          </div>
        ))}
      </dl>
      {first && (
        <div className="desk-actions">
          <button type="button" className="primary" onClick={() => void act((api) => api.accept())}>
            Accept
          </button>
          <button type="button" onClick={() => void act((api) => api.reject())}>
            Reject
          </button>
        </div>
      )}
    </article>
  );
}
