import { create } from 'zustand';

/**
 * What the canvas needs to know about a running simulation: the block being executed and the path so
 * far, in order. The simulator panel writes it; block nodes read it to highlight the call's path.
 */
export interface SimulationState {
  /** Block the simulated call is in right now; null when no call runs. */
  activeBlockId: string | null;
  /** Blocks entered so far, in order (a block appears again each time the call loops through it). */
  visitedBlockIds: string[];
  /** True while a simulated call is in progress. */
  running: boolean;
  enterBlock: (blockId: string) => void;
  finish: () => void;
  reset: () => void;
}

export const useSimulationStore = create<SimulationState>()((set) => ({
  activeBlockId: null,
  visitedBlockIds: [],
  running: false,
  enterBlock: (blockId) =>
    set((state) => ({
      activeBlockId: blockId,
      visitedBlockIds: [...state.visitedBlockIds, blockId],
      running: true,
    })),
  finish: () => set({ activeBlockId: null, running: false }),
  reset: () => set({ activeBlockId: null, visitedBlockIds: [], running: false }),
}));
