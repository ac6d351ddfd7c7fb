/// <reference lib="webworker" />
/** Runs ELK off the main thread so laying out a large flow never freezes the canvas. */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';

export interface LayoutRequest {
  id: number;
  graph: ElkNode;
}

export type LayoutResponse =
  | { id: number; ok: true; graph: ElkNode }
  | { id: number; ok: false; message: string };

const elk = new ELK();
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<LayoutRequest>) => {
  const { id, graph } = event.data;
  try {
    const laidOut = await elk.layout(graph);
    scope.postMessage({ id, ok: true, graph: laidOut } satisfies LayoutResponse);
  } catch (error) {
    scope.postMessage({ id, ok: false, message: (error as Error).message } satisfies LayoutResponse);
  }
};
