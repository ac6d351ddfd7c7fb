/**
 * The small picture of a flow's neighbourhood: the flows and queues that use it on the left, the flows
 * it needs (modules, queue and whisper flows, and what those need) on the right, laid out by ELK.
 */
import type { Usage } from '@callflow/model';
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { FlowDependencyInfo } from '../api/client';

export type GraphNodeRole = 'root' | 'dependency' | 'user';

export interface GraphNode {
  id: string;
  label: string;
  /** "live v3", "not published", "missing"; absent for users that are not flows. */
  state?: string;
  role: GraphNodeRole;
  /** The flow to open on click; absent for a queue or number. */
  flowId?: string;
}

export interface GraphEdge {
  id: string;
  from: string;
  to: string;
  /** Why, in an admin's words ("module", "customer-queue flow of queue billing"). */
  via: string;
}

export interface DependencyGraphModel {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

const flowNode = (id: string) => `flow:${id}`;

export function dependencyState(dependency: Pick<FlowDependencyInfo, 'live' | 'exists'>): string {
  if (dependency.live !== null) return `live v${dependency.live}`;
  return dependency.exists ? 'not published' : 'missing';
}

/** Nodes and edges for the open flow, its dependency closure and its direct users. */
export function dependencyGraph(
  flowId: string,
  rootLive: number | null,
  dependencies: readonly FlowDependencyInfo[],
  users: readonly Usage[],
): DependencyGraphModel {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  nodes.set(flowNode(flowId), {
    id: flowNode(flowId),
    label: flowId,
    state: rootLive === null ? 'not published' : `live v${rootLive}`,
    role: 'root',
    flowId,
  });
  for (const dependency of dependencies) {
    const id = flowNode(dependency.flowId);
    if (!nodes.has(id))
      nodes.set(id, {
        id,
        label: dependency.flowId,
        state: dependencyState(dependency),
        role: 'dependency',
        flowId: dependency.flowId,
      });
    for (const need of dependency.neededBy) {
      const edge = `${flowNode(need.flowId)}->${id}`;
      if (!edges.has(edge)) edges.set(edge, { id: edge, from: flowNode(need.flowId), to: id, via: need.via });
    }
  }
  for (const usage of users) {
    let id: string;
    if (usage.blockId && usage.flowId) {
      if (usage.flowId === flowId) continue;
      id = flowNode(usage.flowId);
      if (!nodes.has(id)) nodes.set(id, { id, label: usage.flowId, role: 'user', flowId: usage.flowId });
    } else if (usage.resource) {
      id = `${usage.resource.kind}:${usage.resource.name}`;
      if (!nodes.has(id))
        nodes.set(id, { id, label: `${usage.resource.kind} ${usage.resource.name}`, role: 'user' });
    } else continue;
    const edge = `${id}->${flowNode(flowId)}`;
    if (!edges.has(edge)) edges.set(edge, { id: edge, from: id, to: flowNode(flowId), via: usage.via });
  }
  // An edge from a flow the picture does not show (deeper in someone else's closure) has no node: drop it.
  const shown = [...edges.values()].filter((e) => nodes.has(e.from) && nodes.has(e.to));
  return { nodes: [...nodes.values()], edges: shown };
}

export const NODE_HEIGHT = 40;
const CHAR_WIDTH = 7.2;

export function nodeWidth(node: GraphNode): number {
  const longest = Math.max(node.label.length, node.state?.length ?? 0);
  return Math.round(Math.max(90, longest * CHAR_WIDTH + 24));
}

/** The graph as ELK takes it: left to right, users before the flow, dependencies after. */
export function elkGraphOf(model: DependencyGraphModel): ElkNode {
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '16',
      'elk.layered.spacing.nodeNodeBetweenLayers': '40',
    },
    children: model.nodes.map((n) => ({ id: n.id, width: nodeWidth(n), height: NODE_HEIGHT })),
    edges: model.edges.map((e) => ({ id: e.id, sources: [e.from], targets: [e.to] })),
  };
}
