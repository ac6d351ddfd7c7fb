/// <reference lib="webworker" />
/** Lays out the dependency picture with ELK off the main thread (ELK is large and takes a moment to start). */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';

export interface GraphLayoutRequest {
  graph: ElkNode;
}

export type GraphLayoutResponse = { ok: true; graph: ElkNode } | { ok: false; message: string };

const elk = new ELK();
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<GraphLayoutRequest>) => {
  try {
    scope.postMessage({ ok: true, graph: await elk.layout(event.data.graph) } satisfies GraphLayoutResponse);
  } catch (error) {
    scope.postMessage({ ok: false, message: (error as Error).message } satisfies GraphLayoutResponse);
  }
};
