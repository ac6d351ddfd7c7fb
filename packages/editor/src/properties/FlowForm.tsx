import { useEditorStore } from '../store/flow-store';

/** With nothing selected: the flow's own settings. */
export function FlowForm() {
  const flow = useEditorStore((s) => s.flow);
  if (!flow) return null;
  const edit = useEditorStore.getState().edit;
  return (
    <div className="form">
      <h3>Flow</h3>
      <div className="field">
        <label htmlFor="flow-name">Name</label>
        <input
          id="flow-name"
          value={flow.name}
          onChange={(e) => edit((f) => ({ ...f, name: e.target.value }), 'flow:name')}
        />
      </div>
      <div className="field">
        <label htmlFor="flow-description">Description (optional)</label>
        <textarea
          id="flow-description"
          rows={3}
          value={flow.description ?? ''}
          onChange={(e) =>
            edit((f) => {
              const { description: _old, ...rest } = f;
              return e.target.value ? { ...rest, description: e.target.value } : rest;
            }, 'flow:description')
          }
        />
      </div>
      <div className="field">
        <label htmlFor="flow-start">Start block</label>
        <select
          id="flow-start"
          value={flow.start}
          onChange={(e) => edit((f) => ({ ...f, start: e.target.value }))}
        >
          {!flow.blocks[flow.start] && <option value={flow.start}>{flow.start || '(none yet)'}</option>}
          {Object.keys(flow.blocks).map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </div>
      <p className="muted">
        Id <code>{flow.id}</code> · type <code>{flow.type}</code> · {Object.keys(flow.blocks).length} blocks
      </p>
      <p className="help">
        Select a block on the canvas to edit it. Shift+click or Shift+drag selects several.
      </p>
    </div>
  );
}
