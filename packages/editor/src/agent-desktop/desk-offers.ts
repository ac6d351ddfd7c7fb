import type { PopoverItem } from '@callflow/runtime';
import type { DesktopAgent, DesktopApi } from './desktop-api';

/**
 * One popover ringing on the desktop: a contact offered from a queue (a call, or a callback), or a
 * consult another agent asks the agent into.
 */
export interface RingingOffer {
  key: string;
  kind: 'call' | 'consult';
  title: string;
  popover: PopoverItem[];
  /** When it rings out (the service's clock); null when it rings until answered (a consult). */
  ringsUntil: string | null;
  /** When it was made (ms, the service's clock): the stack shows the earliest first. */
  at: number;
  accept: (api: DesktopApi) => Promise<unknown>;
  /** Declining: an offer goes back to its queue (RONA), a consult ends (the customer stays). */
  reject: (api: DesktopApi) => Promise<unknown>;
}

/**
 * What is ringing for the agent, exactly as the service has it (`GET /api/agents/:name`): the queue's
 * offer and the consult request. The service makes at most one of them at a time — an offer goes to an
 * Available agent only, and a consult request to an Available agent with no offer, who is then kept
 * from queue offers ("What rings at once" in docs/agent-desktop.md) — so the desktop never makes up a
 * stack of its own.
 */
export function ringingOffers(agent: DesktopAgent | null): RingingOffer[] {
  const out: RingingOffer[] = [];
  const offer = agent?.offer;
  if (offer) {
    const ringsUntil = offer.ringsUntil ?? null;
    out.push({
      key: `offer-${offer.contactId ?? ''}`,
      kind: 'call',
      title: offer.title,
      popover: offer.popover,
      ringsUntil,
      at:
        ringsUntil && offer.timeoutSeconds !== undefined
          ? Date.parse(ringsUntil) - offer.timeoutSeconds * 1000
          : 0,
      accept: (api) => api.accept(),
      reject: (api) => api.reject(),
    });
  }
  const consult = agent?.consult;
  if (consult?.role === 'consulted' && consult.status === 'ringing') {
    const from = consult.popover.find((line) => line.name === '$agentName')?.value;
    out.push({
      key: `consult-${consult.contactId}`,
      kind: 'consult',
      title: `Consult from ${typeof from === 'string' ? from : consult.from}`,
      popover: consult.popover,
      ringsUntil: null,
      // The service gives no time for it; it never rings beside an offer anyway (above).
      at: 0,
      accept: (api) => api.acceptConsult(),
      reject: (api) => api.cancelConsult(),
    });
  }
  return out;
}
