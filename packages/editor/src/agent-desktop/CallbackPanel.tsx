import { useEffect, useState } from 'react';
import { DialNumberField, dialNumberOk } from './DialNumberField';
import { act, useDesktop } from './desktop-store';

const STATUS: Record<string, string> = {
  prompting: 'The customer hears the prompt and keys the number…',
  entered: 'The customer keyed this number.',
  edited: 'Ready to call back.',
  invalid: 'The customer’s entry cannot be dialled.',
};

/**
 * The agent-initiated callback during a call (docs/domain.md#callbacks): type the customer's number or
 * prompt the customer to key it (the agent hears none of the keys; the entry fills the field), edit it,
 * prompt again, then call back — which ends this call — or cancel, and nothing is dialled.
 */
export function CallbackPanel() {
  const pending = useDesktop((s) => s.agent?.pendingCallback ?? null);
  const [number, setNumber] = useState('');
  const [typed, setTyped] = useState(false);
  // The customer's entry fills the field, unless the agent is typing their own.
  useEffect(() => {
    if (pending?.number && !typed) setNumber(pending.number);
  }, [pending?.number, typed]);
  const prompting = pending?.status === 'prompting';
  const edit = (value: string) => {
    setNumber(value);
    setTyped(true);
  };
  const callBack = () =>
    act(async (api) => {
      // A number the agent typed or changed is sent first, so the service checks what is dialled.
      if (typed || pending?.number !== number) await api.editCallback(number);
      await api.placeCallback();
    }, `Calling back ${number}…`);
  return (
    <section className="desk-panel" aria-label="Callback" data-status={pending?.status ?? 'none'}>
      <DialNumberField label="Callback number" value={number} onChange={edit} />
      {pending && (
        <p role="status" className="desk-hint">
          {STATUS[pending.status]}
          {pending.status === 'invalid' && pending.reason ? ` ${pending.reason}` : ''}
        </p>
      )}
      <button
        type="button"
        disabled={prompting}
        onClick={() => {
          setTyped(false);
          void act((api) => api.promptCallback());
        }}
      >
        {pending ? 'Prompt again' : 'Prompt the customer'}
      </button>
      <button
        type="button"
        className="primary"
        disabled={prompting || !dialNumberOk(number)}
        onClick={() => void callBack()}
      >
        Call back
      </button>
      {pending && (
        <button
          type="button"
          onClick={() => {
            setNumber('');
            setTyped(false);
            void act((api) => api.cancelCallback(), 'Callback cancelled: nothing was dialled.');
          }}
        >
          Cancel
        </button>
      )}
    </section>
  );
}
