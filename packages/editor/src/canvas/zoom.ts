/** Zoom levels of the canvas, and what changes at each. */
import type { ReactFlowState } from '@xyflow/react';
import { createContext } from 'react';

/** Far enough out to see a few thousand blocks at once. */
export const MIN_ZOOM = 0.02;
export const MAX_ZOOM = 2;
/**
 * The zoom auto layout aims for: a block's title (16 px) is drawn at 9.6 px or more, its other text
 * (13 px) at about 8 px.
 */
export const READABLE_ZOOM = 0.6;
/**
 * Below this zoom a block's text would be too small to read (a title under 8 px): blocks are drawn
 * compact instead (outline, state and their name in a large type) and their wires as one layer.
 */
export const COMPACT_BELOW_ZOOM = 0.5;

/** Further out still, the compact name doubles its type (and is cut shorter) to stay readable. */
export const FAR_BELOW_ZOOM = 0.3;

export const isZoomedOut = (s: ReactFlowState): boolean => s.transform[2] < COMPACT_BELOW_ZOOM;
export const isFarOut = (s: ReactFlowState): boolean => s.transform[2] < FAR_BELOW_ZOOM;

/**
 * Whether blocks are drawn compact. The canvas decides once for all blocks (one store subscription
 * rather than one per block, which every pan and drag frame would run).
 */
export const CompactBlocksContext = createContext(false);
/** Whether compact names use the far type (decided once for all blocks, as above). */
export const FarZoomContext = createContext(false);
