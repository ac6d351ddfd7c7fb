import type { BlockDefinition, OutcomeSpec, Reference } from '../block-definition.js';
import { blockDefinition, obj } from '../blocks/index.js';
import { type Block, type Flow, VARIABLE_TYPES, type VariableType } from '../flow.js';
import { pointer } from '../problems.js';
import { systemVariable } from '../system-variables.js';

/** One block with what its definition says about it, computed once per lint run. */
export interface BlockInfo {
  id: string;
  block: Block;
  /** Undefined for a type the catalog does not know (the schema reports it, CF107). */
  definition: BlockDefinition<Record<string, unknown>> | undefined;
  settings: Record<string, unknown>;
  outcomes: OutcomeSpec[];
  /** Outcome name -> target id, as written (targets may not exist). */
  next: Record<string, string>;
  /** The same transitions as [outcome, target] pairs, in file order. */
  transitions: [outcome: string, target: string][];
  references: Reference[];
  waits: boolean;
  /** `/blocks/<id>` */
  pointer: string;
}

export interface Edge {
  outcome: string;
  target: string;
}

/** The flow as a graph, built once so that every rule runs in linear time. */
export interface FlowGraph {
  /** By id, in file order. */
  blocks: Map<string, BlockInfo>;
  /** The same blocks as a list, in file order. */
  list: BlockInfo[];
  /** Outgoing edges to blocks that exist. */
  edges: Map<string, Edge[]>;
  /** Blocks reachable from the start block (empty when the start block is missing). */
  reachable: Set<string>;
  /** Type of a flow variable, module input or system variable; undefined when unknown. */
  variableType(name: string): VariableType | undefined;
}

function isVariableType(value: unknown): value is VariableType {
  return (VARIABLE_TYPES as readonly unknown[]).includes(value);
}

function safely<T>(read: () => T, fallback: T): T {
  // Block definitions promise not to throw on malformed settings; a draft in the editor can be anything.
  try {
    return read();
  } catch {
    return fallback;
  }
}

export function buildFlowGraph(flow: Flow): FlowGraph {
  const blocks = new Map<string, BlockInfo>();
  for (const [id, raw] of Object.entries(obj(flow.blocks) ?? {})) {
    const block = (obj(raw) ?? { type: '', settings: {} }) as unknown as Block;
    const definition = typeof block.type === 'string' ? blockDefinition(block.type) : undefined;
    const settings = obj(block.settings) ?? {};
    // No prototype: outcome names are data ("constructor" is a valid rule outcome).
    const next: Record<string, string> = Object.create(null);
    const transitions: [string, string][] = [];
    for (const [outcome, target] of Object.entries(obj(block.next) ?? {})) {
      if (typeof target !== 'string') continue;
      next[outcome] = target;
      transitions.push([outcome, target]);
    }
    blocks.set(id, {
      id,
      block,
      definition,
      settings,
      outcomes: definition ? safely(() => definition.outcomes(settings), []) : [],
      next,
      transitions,
      references: definition ? safely(() => definition.references(settings), []) : [],
      waits: definition ? safely(() => definition.waits(settings), false) : false,
      // Block ids never hold "/" or "~" once the schema passed; escape only when they do.
      pointer: /[/~]/.test(id) ? pointer('blocks', id) : `/blocks/${id}`,
    });
  }

  const list = [...blocks.values()];
  const edges = new Map<string, Edge[]>();
  for (const info of list) {
    const out: Edge[] = [];
    for (const [outcome, target] of info.transitions) if (blocks.has(target)) out.push({ outcome, target });
    edges.set(info.id, out);
  }

  const reachable = new Set<string>();
  if (typeof flow.start === 'string' && blocks.has(flow.start)) {
    const stack = [flow.start];
    reachable.add(flow.start);
    while (stack.length > 0) {
      for (const { target } of edges.get(stack.pop()!) ?? []) {
        if (!reachable.has(target)) {
          reachable.add(target);
          stack.push(target);
        }
      }
    }
  }

  const declared = new Map<string, VariableType>();
  if (flow.type === 'module') {
    for (const [name, input] of Object.entries(obj(flow.module?.inputs) ?? {})) {
      const type = obj(input)?.type;
      if (isVariableType(type)) declared.set(name, type);
    }
  }
  for (const [name, variable] of Object.entries(obj(flow.variables) ?? {})) {
    const type = obj(variable)?.type;
    if (isVariableType(type)) declared.set(name, type);
  }
  const variableType = (name: string): VariableType | undefined =>
    name.startsWith('$') ? systemVariable(name)?.type : declared.get(name);

  return { blocks, list, edges, reachable, variableType };
}
