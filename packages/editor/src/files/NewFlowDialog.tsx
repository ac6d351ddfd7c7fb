import { FLOW_TYPES, type FlowType, idRegExp } from '@callflow/model';
import { type FormEvent, useState } from 'react';
import { useEditorStore } from '../store/flow-store';
import { Dialog } from './Dialog';
import { createFlow } from './file-actions';
import { useFileStore } from './file-store';

export const FLOW_TYPE_LABELS: Record<FlowType, string> = {
  inbound: 'Inbound — what callers hear first',
  'customer-queue': 'Customer queue — what a queued caller hears',
  'agent-whisper': 'Agent whisper — played to the agent before connecting',
  'customer-whisper': 'Customer whisper — played to the caller before connecting',
  'outbound-whisper': 'Outbound whisper — runs when an agent places a call',
  module: 'Module — a reusable sub-flow that returns',
};

/** `Main Support Line` -> `main-support-line`. */
export function idFromName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '')
    .slice(0, 64);
}

export function NewFlowDialog() {
  const flows = useEditorStore((s) => s.flows);
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const [idEdited, setIdEdited] = useState(false);
  const [type, setType] = useState<FlowType>('inbound');
  const effectiveId = idEdited ? id : idFromName(name);
  const idError = !effectiveId
    ? 'Give the flow an id.'
    : !idRegExp.test(effectiveId)
      ? 'Lower-case letters, digits and single dashes, starting with a letter.'
      : flows.some((f) => f.id === effectiveId)
        ? `A flow "${effectiveId}" already exists.`
        : '';
  const nameError = name.trim() ? '' : 'Give the flow a name.';

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (idError || nameError) return;
    createFlow(effectiveId, name.trim(), type);
  };

  return (
    <Dialog title="New flow" onClose={() => useFileStore.getState().close()}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <label>
          Name
          <input
            autoFocus
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={!!nameError && name !== ''}
          />
        </label>
        <label>
          Id
          <input
            value={effectiveId}
            onChange={(e) => {
              setIdEdited(true);
              setId(e.target.value);
            }}
            aria-invalid={!!idError}
            aria-describedby="new-flow-id-help"
          />
        </label>
        <p id="new-flow-id-help" className={idError && (name || idEdited) ? 'field-error' : 'help'}>
          {idError && (name || idEdited) ? idError : 'Saved as flows/<id>.flow.json.'}
        </p>
        <label>
          Type
          <select value={type} onChange={(e) => setType(e.target.value as FlowType)}>
            {FLOW_TYPES.map((t) => (
              <option key={t} value={t}>
                {FLOW_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={() => useFileStore.getState().close()}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!!idError || !!nameError}>
            Create
          </button>
        </div>
      </form>
    </Dialog>
  );
}
