import { useEffect, useState } from 'react';
import { type RingingOffer, ringingOffers } from './desk-offers';
import { act, useDesktop } from './desktop-store';
import { offerPage } from './offer-pages';
import { ringSecondsLeft } from './ring-timer';

function valueText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Seconds left to answer, counted to the offer's ring-out time on the service's clock. */
function useRingSeconds(ringsUntil: string | null): number | null {
  const offset = useDesktop((s) => s.clockOffset);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return ringsUntil ? ringSecondsLeft(ringsUntil, offset, now) : null;
}

/**
 * What rings for the agent as the runtime built it: the title (the queue, Callback, or the consulting
 * agent) and the popover lines in the admin's order with their desktop labels (secure variables are
 * never in them), earliest first, five at a time.
 */
export function OfferStack() {
  const agent = useDesktop((s) => s.agent);
  const [page, setPage] = useState(0);
  const offers = ringingOffers(agent);
  if (offers.length === 0) return null;
  const current = offerPage(offers, page, (offer) => offer.at);
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
        <OfferPopover key={offer.key} offer={offer} first={current.page === 0 && index === 0} />
      ))}
    </section>
  );
}

function OfferPopover({ offer, first }: { offer: RingingOffer; first: boolean }) {
  const seconds = useRingSeconds(offer.ringsUntil);
  return (
    <article className="desk-popover" aria-label={`Offer: ${offer.title}`} data-kind={offer.kind}>
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
          <button type="button" className="primary" onClick={() => void act(offer.accept)}>
            Accept
          </button>
          <button type="button" onClick={() => void act(offer.reject)}>
            Reject
          </button>
        </div>
      )}
    </article>
  );
}
