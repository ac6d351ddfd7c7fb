/** Zoom levels of the canvas, and what changes at each. */
import type { ReactFlowState } from '@xyflow/react';
import { createContext } from 'react';

/** Far enough out to see a few thousand blocks at once. */
export const MIN_ZOOM = 0.02;
export const MAX_ZOOM = 2;
/** Below this zoom, block text cannot be read: a flow opened this small shows its start instead. */
export const READABLE_ZOOM = 0.6;
/** Below this zoom blocks are drawn compact (outline, state, name) and their wires as one layer. */
export const COMPACT_BELOW_ZOOM = 0.4;

export const isZoomedOut = (s: ReactFlowState): boolean => s.transform[2] < COMPACT_BELOW_ZOOM;

/**
 * Whether blocks are drawn compact. The canvas decides once for all blocks (one store subscription
 * rather than one per block, which every pan and drag frame would run).
 */
export const CompactBlocksContext = createContext(false);
