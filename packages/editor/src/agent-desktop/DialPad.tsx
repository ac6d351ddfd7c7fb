import { useEffect, useState } from 'react';
import { CallerIdSelect } from './CallPickers';
import { DialNumberField, dialNumberOk } from './DialNumberField';
import type { CallerIdDecision, DesktopNumber } from './desktop-api';
import { act, useDesktop } from './desktop-store';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#', '+'];

/** The number of `decision` among the agent's numbers (the picker's value), or ''. */
function numberName(numbers: readonly DesktopNumber[], decision: CallerIdDecision | null): string {
  return numbers.find((n) => n.number === decision?.number)?.name ?? '';
}

/**
 * The outbound dial pad: a number cleaned and checked as typed, and the caller ID to present, chosen
 * among the agent's allowed numbers only, preselected by the center's strategy, with the service's
 * explanation of the choice (the rule, and every number passed over with why).
 */
export function DialPad() {
  const api = useDesktop((s) => s.api);
  const numbers = useDesktop((s) => s.profile?.numbers) ?? NO_NUMBERS;
  const [number, setNumber] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  const [decision, setDecision] = useState<CallerIdDecision | null>(null);
  const ok = dialNumberOk(number);

  // The service decides (and explains) the caller ID; the agent's pick is checked the same way.
  useEffect(() => {
    if (!api || !ok) {
      setDecision(null);
      return;
    }
    let current = true;
    api
      .callerIdFor(number, picked ?? undefined)
      .then((answer) => current && setDecision(answer))
      .catch(() => current && setDecision(null));
    return () => {
      current = false;
    };
  }, [api, number, picked, ok]);

  const selected = picked ?? numberName(numbers, decision);
  return (
    <section className="desk-dialpad" aria-label="Dial pad">
      <h2>Call out</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (ok) void act((api) => api.placeCall(number, selected || undefined), `Calling ${number}…`);
        }}
      >
        <DialNumberField label="Number to call" value={number} onChange={setNumber} />
        <fieldset className="desk-keys" aria-label="Keys">
          {KEYS.map((key) => (
            <button key={key} type="button" aria-label={`Key ${key}`} onClick={() => setNumber(number + key)}>
              {key}
            </button>
          ))}
        </fieldset>
        <CallerIdSelect label="Caller ID" value={selected} onChange={(name) => setPicked(name || null)} />
        {decision && <CallerIdWhy decision={decision} />}
        <button type="submit" className="primary" disabled={!ok}>
          Call
        </button>
      </form>
    </section>
  );
}

const NO_NUMBERS: readonly DesktopNumber[] = [];

/** Why this number: the rule that chose it, and the numbers passed over with the reason for each. */
export function CallerIdWhy({ decision }: { decision: CallerIdDecision }) {
  return (
    <div className="desk-why" role="note" aria-label="Why this caller ID" data-rule={decision.rule}>
      <p>
        Presents <strong>{decision.number ?? 'no number'}</strong> — {decision.reason}
      </p>
      {decision.rejected && decision.rejected.length > 0 && (
        <ul aria-label="Passed over">
          {decision.rejected.map((r) => (
            <li key={`${r.candidate}-${r.number ?? ''}`}>
              {r.candidate}
              {r.number ? ` (${r.number})` : ''}: {r.why}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
