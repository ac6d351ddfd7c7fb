/**
 * Which panels frame the canvas: the palette and the side panel can each be hidden, and Full canvas
 * hides both. Remembered per browser (localStorage `callflow.view`), so the designer opens as it was
 * left.
 */
import { create } from 'zustand';

export const VIEW_SETTINGS_KEY = 'callflow.view';

export interface ViewSettings {
  palette: boolean;
  sidePanel: boolean;
}

interface ViewSettingsState extends ViewSettings {
  togglePalette: () => void;
  toggleSidePanel: () => void;
  /** Hides both panels, or shows both again when both are hidden. */
  toggleFullCanvas: () => void;
}

const SHOWN: ViewSettings = { palette: true, sidePanel: true };

export function readViewSettings(storage: Pick<Storage, 'getItem'> | undefined): ViewSettings {
  try {
    const parsed = JSON.parse(storage?.getItem(VIEW_SETTINGS_KEY) ?? 'null') as Partial<ViewSettings> | null;
    return {
      palette: typeof parsed?.palette === 'boolean' ? parsed.palette : true,
      sidePanel: typeof parsed?.sidePanel === 'boolean' ? parsed.sidePanel : true,
    };
  } catch {
    return SHOWN;
  }
}

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export const isFullCanvas = (s: ViewSettings): boolean => !s.palette && !s.sidePanel;

export const useViewSettings = create<ViewSettingsState>()((set, get) => {
  const save = (next: ViewSettings) => {
    set(next);
    try {
      storage()?.setItem(VIEW_SETTINGS_KEY, JSON.stringify(next));
    } catch {
      // A full or blocked storage only loses the memory of the choice, never the choice itself.
    }
  };
  return {
    ...readViewSettings(storage()),
    togglePalette: () => save({ palette: !get().palette, sidePanel: get().sidePanel }),
    toggleSidePanel: () => save({ palette: get().palette, sidePanel: !get().sidePanel }),
    toggleFullCanvas: () => save(isFullCanvas(get()) ? SHOWN : { palette: false, sidePanel: false }),
  };
});
