/**
 * What the canvas shows, derived from the flow document: one node per block (with its outcomes and
 * problems) and one edge per wired outcome. Pure, so it is tested without a browser.
 */
import { type Block, blockDefinition, type Flow, type Position, type Problem } from '@callflow/model';

export interface OutcomeView {
  name: string;
  label: string;
  required: boolean;
  target?: string;
  /** Unwired while required, or pointing at a block that does not exist. */
  broken: boolean;
}

export interface BlockView {
  blockId: string;
  type: string;
  title: string;
  icon: string;
  label?: string;
  summary: string;
  outcomes: OutcomeView[];
  isStart: boolean;
  errors: number;
  warnings: number;
  /** Messages of the problems located on this block, for the badge tooltip. */
  messages: string[];
}

export interface EdgeView {
  id: string;
  source: string;
  outcome: string;
  target: string;
}

export const NODE_WIDTH = 240;
export const GRID_GAP = { x: 320, y: 200 };

export function groupProblemsByBlock(problems: readonly Problem[]): Map<string, Problem[]> {
  const byBlock = new Map<string, Problem[]>();
  for (const p of problems) {
    const id = p.blockId ?? blockIdOfPath(p.path);
    if (!id) continue;
    const list = byBlock.get(id);
    if (list) list.push(p);
    else byBlock.set(id, [p]);
  }
  return byBlock;
}

/** `/blocks/main-menu/settings/prompt` -> `main-menu`. */
export function blockIdOfPath(path: string): string | undefined {
  const match = /^\/(?:blocks|layout)\/([^/]+)/.exec(path);
  return match ? match[1]!.replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
}

export function blockView(
  flow: Flow,
  id: string,
  block: Block,
  problems: readonly Problem[] = [],
): BlockView {
  const definition = blockDefinition(block.type);
  const settings = (block.settings ?? {}) as Record<string, unknown>;
  const declared = definition ? safe(() => definition.outcomes(settings), []) : [];
  const next = block.next ?? {};
  const outcomes: OutcomeView[] = declared.map((o) => {
    const target = next[o.name];
    const view: OutcomeView = {
      name: o.name,
      label: o.label,
      required: o.required,
      broken: (o.required && target === undefined) || (target !== undefined && !flow.blocks[target]),
    };
    if (target !== undefined) view.target = target;
    return view;
  });
  // Transitions for outcomes the block does not produce still get a handle, so they can be seen and removed.
  for (const [name, target] of Object.entries(next)) {
    if (!declared.some((o) => o.name === name)) {
      outcomes.push({ name, label: `${name} (unknown)`, required: false, target, broken: true });
    }
  }
  for (const p of problems) {
    const match = /^\/blocks\/[^/]+\/next\/([^/]+)$/.exec(p.path);
    const outcome = match && outcomes.find((o) => o.name === match[1]);
    if (outcome && p.severity === 'error') outcome.broken = true;
  }
  const view: BlockView = {
    blockId: id,
    type: block.type,
    title: definition?.title ?? `Unknown block type "${block.type}"`,
    icon: definition?.icon ?? '?',
    summary: definition ? safe(() => definition.summary(settings), '') : '',
    outcomes,
    isStart: flow.start === id,
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
    messages: problems.map((p) => `${p.code} ${p.message}`),
  };
  if (block.label) view.label = block.label;
  return view;
}

export function flowEdges(flow: Flow): EdgeView[] {
  const edges: EdgeView[] = [];
  for (const [source, block] of Object.entries(flow.blocks)) {
    for (const [outcome, target] of Object.entries(block.next ?? {})) {
      if (flow.blocks[target]) edges.push({ id: edgeId(source, outcome), source, outcome, target });
    }
  }
  return edges;
}

export function edgeId(source: string, outcome: string): string {
  return `${source}::${outcome}`;
}

export function parseEdgeId(id: string): { source: string; outcome: string } | undefined {
  const at = id.lastIndexOf('::');
  return at < 0 ? undefined : { source: id.slice(0, at), outcome: id.slice(at + 2) };
}

/** The saved position, or a free spot on a grid below the laid-out blocks for blocks without one. */
export function positionsOf(flow: Flow): Map<string, Position> {
  const positions = new Map<string, Position>();
  let maxY = 0;
  for (const id of Object.keys(flow.blocks)) {
    const p = flow.layout?.[id];
    if (p) {
      positions.set(id, p);
      maxY = Math.max(maxY, p.y);
    }
  }
  let i = 0;
  const baseY = positions.size > 0 ? maxY + GRID_GAP.y : 0;
  for (const id of Object.keys(flow.blocks)) {
    if (positions.has(id)) continue;
    positions.set(id, { x: (i % 4) * GRID_GAP.x, y: baseY + Math.floor(i / 4) * GRID_GAP.y });
    i++;
  }
  return positions;
}

/** Blocks whose id, title, label or summary contains the query (case-insensitive), best first. */
export function searchBlocks(flow: Flow, query: string, limit = 20): BlockView[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const scored: { view: BlockView; score: number }[] = [];
  for (const [id, block] of Object.entries(flow.blocks)) {
    const view = blockView(flow, id, block);
    const fields = [id, view.label ?? '', view.title, view.summary].map((f) => f.toLowerCase());
    const index = fields.findIndex((f) => f.includes(q));
    if (index < 0) continue;
    scored.push({ view, score: index * 2 + (fields[index]!.startsWith(q) ? 0 : 1) });
  }
  return scored
    .sort((a, b) => a.score - b.score)
    .slice(0, limit)
    .map((s) => s.view);
}

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}
