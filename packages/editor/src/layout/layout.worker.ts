/// <reference lib="webworker" />
/** Runs ELK off the main thread so laying out a large flow never freezes the canvas. */
import type { Flow } from '@callflow/model';
import ELK from 'elkjs/lib/elk.bundled.js';
import type { PaneSize } from './elk-graph';
import { type LaidOut, layoutFlow } from './elk-layout';

export interface LayoutRequest {
  id: number;
  flow: Flow;
  pane: PaneSize;
}

export type LayoutResponse =
  | { id: number; ok: true; laidOut: LaidOut }
  | { id: number; ok: false; message: string };

const elk = new ELK();
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<LayoutRequest>) => {
  const { id, flow, pane } = event.data;
  try {
    const laidOut = await layoutFlow(elk, flow, pane);
    scope.postMessage({ id, ok: true, laidOut } satisfies LayoutResponse);
  } catch (error) {
    scope.postMessage({ id, ok: false, message: (error as Error).message } satisfies LayoutResponse);
  }
};
