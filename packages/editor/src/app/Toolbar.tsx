import { type ChangeEvent, useEffect, useRef } from 'react';
import { AreaSwitch } from '../center/AreaSwitch';
import {
  exportFlow,
  importFlowFile,
  openFlow,
  publish,
  registerImportPicker,
  requestImport,
  requestNewFlow,
  saveDraft,
} from '../files/file-actions';
import { useFileStore } from '../files/file-store';
import { isDirty, useEditorStore } from '../store/flow-store';
import { isFullCanvas, useViewSettings } from './view-settings';

export interface ToolbarProps {
  onAutoLayout(): void;
  onFit(): void;
}

/** Files (open, new, save, publish, versions, import, export) and canvas commands. */
export function Toolbar({ onAutoLayout, onFit }: ToolbarProps) {
  const flow = useEditorStore((s) => s.flow);
  const flows = useEditorStore((s) => s.flows);
  const dirty = useEditorStore(isDirty);
  // "Saved" only while the screen is the stored file: not once someone else has saved over it.
  const storedChanged = useEditorStore((s) => s.storedChanged);
  const state = dirty ? 'Unsaved changes' : storedChanged ? 'Changed elsewhere' : 'Saved';
  const canUndo = useEditorStore((s) => (s.history?.past.length ?? 0) > 0);
  const canRedo = useEditorStore((s) => (s.history?.future.length ?? 0) > 0);
  const busy = useFileStore((s) => s.busy);
  const fileInput = useRef<HTMLInputElement>(null);
  const view = useViewSettings();

  useEffect(() => registerImportPicker(() => fileInput.current?.click()), []);

  const onImport = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) void importFlowFile(file);
  };

  const listed = flows.some((f) => f.id === flow?.id);
  return (
    <div className="toolbar" role="toolbar" aria-label="Flow">
      <span className="brand">callflow</span>
      <AreaSwitch />
      <select
        aria-label="Open flow"
        value={flow?.id ?? ''}
        onChange={(e) => e.target.value && void openFlow(e.target.value)}
      >
        {!flow && <option value="">Open a flow…</option>}
        {flow && !listed && <option value={flow.id}>{flow.id} (not saved yet)</option>}
        {flows.map((f) => (
          <option key={f.id} value={f.id}>
            {f.id} · {f.type}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => requestNewFlow()}>
        New flow
      </button>
      <span className="toolbar-sep" />
      <button
        type="button"
        disabled={!flow || busy}
        onClick={() => void saveDraft()}
        aria-keyshortcuts="Control+S"
      >
        Save
      </button>
      <button type="button" disabled={!flow || busy} onClick={() => void publish()}>
        Publish
      </button>
      <button
        type="button"
        disabled={!flow || !listed}
        onClick={() => useFileStore.getState().show({ kind: 'versions' })}
      >
        Versions
      </button>
      <span className="toolbar-sep" />
      <button type="button" onClick={requestImport}>
        Import
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        onChange={onImport}
        aria-label="Flow file"
      />
      <button type="button" disabled={!flow} onClick={exportFlow}>
        Export
      </button>
      <span className="toolbar-sep" />
      <button
        type="button"
        disabled={!canUndo}
        onClick={() => useEditorStore.getState().undo()}
        aria-keyshortcuts="Control+Z"
      >
        Undo
      </button>
      <button
        type="button"
        disabled={!canRedo}
        onClick={() => useEditorStore.getState().redo()}
        aria-keyshortcuts="Control+Shift+Z"
      >
        Redo
      </button>
      <button type="button" disabled={!flow} onClick={onAutoLayout}>
        Auto layout
      </button>
      <button type="button" disabled={!flow} onClick={onFit}>
        Fit view
      </button>
      <span className="toolbar-sep" />
      {/* Icons keep the toolbar within 1280 px; the names are in aria-label and the tooltips. */}
      <button
        type="button"
        className="toolbar-icon"
        aria-label="Palette"
        aria-pressed={view.palette}
        onClick={view.togglePalette}
        title="Show or hide the palette"
      >
        <span aria-hidden="true">◧</span>
      </button>
      <button
        type="button"
        className="toolbar-icon"
        aria-label="Side panel"
        aria-pressed={view.sidePanel}
        onClick={view.toggleSidePanel}
        title="Show or hide the side panel"
      >
        <span aria-hidden="true">◨</span>
      </button>
      <button
        type="button"
        className="toolbar-icon"
        aria-label="Full canvas"
        aria-pressed={isFullCanvas(view)}
        onClick={view.toggleFullCanvas}
        title="Full canvas: hide both panels (again to show them)"
      >
        <span aria-hidden="true">□</span>
      </button>
      <span className="toolbar-fill" />
      {flow && (
        <span
          className={state === 'Saved' ? 'dirty-dot' : 'dirty-dot is-dirty'}
          title={
            state === 'Changed elsewhere'
              ? 'Someone else saved this flow since you opened it; saving merges their changes'
              : state
          }
        >
          {state}
        </span>
      )}
    </div>
  );
}
