/** The desktop shows at most five offers at once, earliest first (docs/domain.md#offers-and-rona). */
export const OFFERS_PER_PAGE = 5;

export interface OfferPage<T> {
  shown: readonly T[];
  /** "1-5 of 7" once there are more offers than fit; null while they all show. */
  label: string | null;
  page: number;
  pages: number;
}

/**
 * The page `page` (from 0, clamped) of the offers sorted earliest first: `at` gives each offer's time,
 * ties keep the order they came in.
 */
export function offerPage<T>(offers: readonly T[], page: number, at: (offer: T) => number): OfferPage<T> {
  const sorted = offers
    .map((offer, index) => ({ offer, index }))
    .sort((a, b) => at(a.offer) - at(b.offer) || a.index - b.index)
    .map((entry) => entry.offer);
  const pages = Math.max(1, Math.ceil(sorted.length / OFFERS_PER_PAGE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const first = current * OFFERS_PER_PAGE;
  const shown = sorted.slice(first, first + OFFERS_PER_PAGE);
  const label =
    sorted.length > OFFERS_PER_PAGE ? `${first + 1}-${first + shown.length} of ${sorted.length}` : null;
  return { shown, label, page: current, pages };
}
