import { create } from 'zustand';
import type { FlowTraffic } from '../api/client';

/**
 * Where calls went, as the Traffic tab last read it from the service, and whether the canvas draws it.
 * The canvas reads it only for the flow it was read for.
 */
export interface TrafficState {
  traffic: FlowTraffic | null;
  /** The canvas draws the counts (edge widths and labels, hang-up marks). */
  shown: boolean;
  setTraffic: (traffic: FlowTraffic | null) => void;
  setShown: (shown: boolean) => void;
}

export const useTrafficStore = create<TrafficState>()((set) => ({
  traffic: null,
  shown: false,
  setTraffic: (traffic) => set({ traffic }),
  setShown: (shown) => set({ shown }),
}));

/** The traffic to draw on the canvas of `flowId`, or null when it is off or was read for another flow. */
export function useShownTraffic(flowId: string | undefined): FlowTraffic | null {
  const traffic = useTrafficStore((s) => s.traffic);
  const shown = useTrafficStore((s) => s.shown);
  return shown && traffic && traffic.flowId === flowId ? traffic : null;
}
