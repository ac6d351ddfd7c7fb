import { loadCenter } from './center-save';
import { useCenterStore } from './center-store';

/** Flows or Center: the designer's two areas. Each keeps its unsaved edits while the other is shown. */
export function AreaSwitch() {
  const area = useCenterStore((s) => s.area);
  const show = (next: 'flows' | 'center') => {
    const store = useCenterStore.getState();
    if (next === 'center' && !store.history) void loadCenter();
    store.setArea(next);
  };
  return (
    <nav className="area-switch" aria-label="Area">
      <button type="button" aria-pressed={area === 'flows'} onClick={() => show('flows')}>
        Flows
      </button>
      <button type="button" aria-pressed={area === 'center'} onClick={() => show('center')}>
        Center
      </button>
    </nav>
  );
}
