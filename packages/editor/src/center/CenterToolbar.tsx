import { AreaSwitch } from './AreaSwitch';
import { saveCenter } from './center-save';
import { isCenterDirty, useCenterStore } from './center-store';

export function CenterToolbar() {
  const dirty = useCenterStore(isCenterDirty);
  const storedChanged = useCenterStore((s) => s.storedChanged);
  const busy = useCenterStore((s) => s.busy);
  const loaded = useCenterStore((s) => s.resources !== null);
  const canUndo = useCenterStore((s) => (s.history?.past.length ?? 0) > 0);
  const canRedo = useCenterStore((s) => (s.history?.future.length ?? 0) > 0);
  // Both can hold: my edits are unsaved and someone saved the file meanwhile (my save will merge).
  const state =
    [dirty && 'Unsaved changes', storedChanged && 'Changed elsewhere'].filter(Boolean).join(' · ') || 'Saved';
  return (
    <div className="toolbar" role="toolbar" aria-label="Center">
      <span className="brand">callflow</span>
      <AreaSwitch />
      <span className="toolbar-sep" />
      <button
        type="button"
        disabled={!loaded || busy}
        onClick={() => void saveCenter()}
        aria-keyshortcuts="Control+S"
      >
        Save
      </button>
      <button
        type="button"
        disabled={!canUndo}
        onClick={() => useCenterStore.getState().undo()}
        aria-keyshortcuts="Control+Z"
      >
        Undo
      </button>
      <button
        type="button"
        disabled={!canRedo}
        onClick={() => useCenterStore.getState().redo()}
        aria-keyshortcuts="Control+Shift+Z"
      >
        Redo
      </button>
      <span className="toolbar-fill" />
      {loaded && <span className={state === 'Saved' ? 'dirty-dot' : 'dirty-dot is-dirty'}>{state}</span>}
    </div>
  );
}
