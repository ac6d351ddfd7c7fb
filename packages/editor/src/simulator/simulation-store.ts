import { create } from 'zustand';
import type { SimulationMode } from './call-controller';

/**
 * What the canvas needs to know about a simulated call: the block being executed and the path so far.
 * The simulator writes it after every step; block nodes read it to highlight the call's path.
 */
export interface SimulationState {
  /** Block of the open flow the simulated call is in right now; null when no call runs. */
  activeBlockId: string | null;
  /** Blocks of the open flow entered so far, in order (a block appears again each time the call loops). */
  visitedBlockIds: string[];
  /** True while a simulated call is in progress. */
  running: boolean;
  /** Where the next call runs; the path shown is the call of this mode. */
  mode: SimulationMode;
  setMode: (mode: SimulationMode) => void;
  showPath: (activeBlockId: string | null, visitedBlockIds: string[], running: boolean) => void;
  reset: () => void;
}

export const useSimulationStore = create<SimulationState>()((set) => ({
  activeBlockId: null,
  visitedBlockIds: [],
  running: false,
  mode: 'browser',
  setMode: (mode) => set({ mode }),
  showPath: (activeBlockId, visitedBlockIds, running) => set({ activeBlockId, visitedBlockIds, running }),
  reset: () => set({ activeBlockId: null, visitedBlockIds: [], running: false }),
}));
