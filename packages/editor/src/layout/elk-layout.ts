/**
 * Auto layout with ELK: the flow is laid out a few times, wrapping differently for the canvas's shape,
 * and the run that fits the canvas at the largest zoom wins (the first of equals, so the plainest).
 * Takes any ELK instance: the designer's runs in a web worker, tests use elkjs directly.
 */
import type { Flow, Position } from '@callflow/model';
import type { ELK, ElkNode } from 'elkjs/lib/elk-api';
import { buildElkGraph, type PaneSize, positionsFromElk, type WrapChoice } from './elk-graph';

/** As Fit view: a tenth of the pane is kept free on each side. */
const FIT_MARGIN = 0.8;

/** No wrapping first (a flow that fits unwrapped stays in one piece), then wrapping aimed a bit wider. */
export const WRAP_CHOICES: readonly WrapChoice[] = [
  { strategy: 'OFF', correction: 1 },
  { strategy: 'MULTI_EDGE', correction: 0.7 },
  { strategy: 'MULTI_EDGE', correction: 1 },
  { strategy: 'MULTI_EDGE', correction: 1.5 },
];

export interface LaidOut {
  positions: Record<string, Position>;
  /** The zoom at which the laid-out flow fits the pane. */
  zoom: number;
  width: number;
  height: number;
}

export function fitZoom(graph: Pick<ElkNode, 'width' | 'height'>, pane: PaneSize): number {
  const width = Math.max(graph.width ?? 0, 1);
  const height = Math.max(graph.height ?? 0, 1);
  return Math.min((pane.width * FIT_MARGIN) / width, (pane.height * FIT_MARGIN) / height);
}

/** The laid-out run that fits best; a later run must fit clearly better to replace an earlier one. */
export function bestFit(runs: readonly LaidOut[]): LaidOut | undefined {
  let best: LaidOut | undefined;
  for (const run of runs) if (!best || run.zoom > best.zoom + 1e-6) best = run;
  return best;
}

export async function layoutFlow(elk: Pick<ELK, 'layout'>, flow: Flow, pane: PaneSize): Promise<LaidOut> {
  const runs: LaidOut[] = [];
  for (const wrap of WRAP_CHOICES) {
    const graph = await elk.layout(buildElkGraph(flow, pane, wrap));
    runs.push({
      positions: positionsFromElk(graph),
      zoom: fitZoom(graph, pane),
      width: Math.round(graph.width ?? 0),
      height: Math.round(graph.height ?? 0),
    });
  }
  return bestFit(runs) ?? { positions: {}, zoom: 1, width: 0, height: 0 };
}
