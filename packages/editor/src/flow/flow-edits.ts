/**
 * Pure edits of a flow document. The flow JSON is the single source of truth of the designer: every
 * user action is one of these functions, returning a new document (the old one stays intact for undo).
 * Key order is preserved so that the canonical file changes only where the user changed something.
 */
import {
  type Block,
  blockDefinition,
  type Flow,
  type FlowType,
  FORMAT_VERSION,
  idRegExp,
  type Position,
} from '@callflow/model';

import { detachNotesFrom, renameNotesBlock } from '../notes/note-edits';

export const SCHEMA_REF = '../schemas/flow.schema.json';

/** A new, empty flow document; the first block added becomes its start. */
export function newFlow(id: string, name: string, type: FlowType): Flow {
  return { $schema: SCHEMA_REF, formatVersion: FORMAT_VERSION, id, name, type, start: '', blocks: {} };
}

/** `playPrompt` -> `play-prompt`: block ids read like the block they are. */
export function idBaseForType(type: string): string {
  const kebab = type
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return /^[a-z]/.test(kebab) ? kebab : `block-${kebab}`;
}

/** `base`, or `base-2`, `base-3`... whichever is free. A trailing `-<n>` of base is replaced. */
export function uniqueBlockId(taken: ReadonlySet<string> | Record<string, unknown>, base: string): string {
  const has = (id: string) => (taken instanceof Set ? taken.has(id) : Object.hasOwn(taken, id));
  if (!has(base)) return base;
  const stem = base.replace(/-\d+$/, '');
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}`;
    if (!has(candidate)) return candidate;
  }
}

export interface Added {
  flow: Flow;
  id: string;
}

/** Adds a block of `type` with its catalog defaults at `position`. */
export function addBlock(flow: Flow, type: string, position: Position): Added {
  const definition = blockDefinition(type);
  if (!definition) throw new Error(`Unknown block type "${type}"`);
  const id = uniqueBlockId(flow.blocks, idBaseForType(type));
  const block: Block = { type, settings: definition.defaults() };
  const next: Flow = {
    ...flow,
    blocks: { ...flow.blocks, [id]: block },
    layout: { ...flow.layout, [id]: roundPosition(position) },
  };
  // Only the first block of an empty flow becomes the start: a flow whose start was deleted stays
  // without one until the admin picks it (never a silent promotion).
  if (Object.keys(flow.blocks).length === 0) next.start = id;
  return { flow: next, id };
}

/**
 * Deletes blocks, their positions and every transition into them. A deleted start is not replaced: the
 * flow keeps naming it, which lint reports (CF200) and publishing refuses, until another block is set as
 * the start. Promoting some other block would make calls enter wherever the file order says.
 */
export function removeBlocks(flow: Flow, ids: readonly string[]): Flow {
  const gone = new Set(ids.filter((id) => flow.blocks[id]));
  if (gone.size === 0) return flow;
  const blocks: Record<string, Block> = {};
  for (const [id, block] of Object.entries(flow.blocks)) {
    if (gone.has(id)) continue;
    blocks[id] = withoutTransitionsTo(block, gone);
  }
  // Their notes stay, free, where they were (before the positions go).
  const next: Flow = { ...detachNotesFrom(flow, gone), blocks };
  if (flow.layout) next.layout = omitKeys(flow.layout, gone);
  return next;
}

/** Wires `outcome` of `source` to `target`; an outcome has one target, so rewiring replaces. */
export function connect(flow: Flow, source: string, outcome: string, target: string): Flow {
  const block = flow.blocks[source];
  if (!block || !flow.blocks[target] || block.next?.[outcome] === target) return flow;
  return replaceBlock(flow, source, { ...block, next: { ...block.next, [outcome]: target } });
}

export function disconnect(flow: Flow, source: string, outcome: string): Flow {
  const block = flow.blocks[source];
  if (!block?.next || !(outcome in block.next)) return flow;
  const rest = omitKeys(block.next, new Set([outcome]));
  const updated: Block = { ...block };
  if (Object.keys(rest).length > 0) updated.next = rest;
  else delete updated.next;
  return replaceBlock(flow, source, updated);
}

export function setStart(flow: Flow, id: string): Flow {
  return flow.blocks[id] && flow.start !== id ? { ...flow, start: id } : flow;
}

/** Moving boxes touches only `layout`, never the logic. */
export function moveBlocks(flow: Flow, positions: Readonly<Record<string, Position>>): Flow {
  const layout = { ...flow.layout };
  let changed = false;
  for (const [id, position] of Object.entries(positions)) {
    if (!flow.blocks[id]) continue;
    const rounded = roundPosition(position);
    const old = layout[id];
    if (old && old.x === rounded.x && old.y === rounded.y) continue;
    layout[id] = rounded;
    changed = true;
  }
  return changed ? { ...flow, layout } : flow;
}

/**
 * Replaces a block's settings. Transitions of outcomes the old settings produced and the new ones no
 * longer produce (a deleted menu option, a removed rule) are dropped with them.
 */
export function updateSettings(flow: Flow, id: string, settings: Record<string, unknown>): Flow {
  const block = flow.blocks[id];
  if (!block) return flow;
  const definition = blockDefinition(block.type);
  const updated: Block = { ...block, settings };
  if (definition && block.next) {
    const before = new Set(safeOutcomes(definition, block.settings));
    const after = new Set(safeOutcomes(definition, settings));
    const vanished = new Set([...before].filter((o) => !after.has(o) && o in (block.next ?? {})));
    if (vanished.size > 0) {
      const rest = omitKeys(block.next, vanished);
      if (Object.keys(rest).length > 0) updated.next = rest;
      else delete updated.next;
    }
  }
  return replaceBlock(flow, id, updated);
}

export function setBlockLabel(flow: Flow, id: string, label: string): Flow {
  const block = flow.blocks[id];
  if (!block || (block.label ?? '') === label) return flow;
  const { label: _old, ...rest } = block;
  return replaceBlock(flow, id, label === '' ? rest : { ...rest, label });
}

export type RenameCheck = { ok: true } | { ok: false; message: string };

export function checkBlockId(flow: Flow, oldId: string, newId: string): RenameCheck {
  if (newId === oldId) return { ok: true };
  if (!idRegExp.test(newId) || newId.length > 64) {
    return {
      ok: false,
      message: 'Use lower-case letters, digits and single dashes, starting with a letter (e.g. main-menu).',
    };
  }
  if (flow.blocks[newId]) return { ok: false, message: `A block named "${newId}" already exists.` };
  return { ok: true };
}

/** Renames a block everywhere: its key (same place in the file), transitions, layout and start. */
export function renameBlock(flow: Flow, oldId: string, newId: string): Flow {
  if (oldId === newId || !flow.blocks[oldId] || !checkBlockId(flow, oldId, newId).ok) return flow;
  const rename = (id: string) => (id === oldId ? newId : id);
  const blocks: Record<string, Block> = {};
  for (const [id, block] of Object.entries(flow.blocks)) {
    blocks[rename(id)] = retarget(block, rename);
  }
  const next: Flow = { ...renameNotesBlock(flow, oldId, newId), blocks, start: rename(flow.start) };
  if (flow.layout) next.layout = renameKey(flow.layout, oldId, newId);
  return next;
}

/** Blocks copied to the clipboard, with their positions. */
export interface BlockClipboard {
  blocks: Record<string, Block>;
  layout: Record<string, Position>;
}

export function copyBlocks(flow: Flow, ids: readonly string[]): BlockClipboard {
  const clip: BlockClipboard = { blocks: {}, layout: {} };
  for (const id of ids) {
    const block = flow.blocks[id];
    if (!block) continue;
    clip.blocks[id] = structuredClone(block);
    const position = flow.layout?.[id];
    if (position) clip.layout[id] = { ...position };
  }
  return clip;
}

/**
 * Pastes copied blocks under fresh ids. Wiring between pasted blocks follows the copies; wiring to
 * blocks that exist in this flow is kept; wiring to anything else is dropped.
 */
export function pasteBlocks(
  flow: Flow,
  clip: BlockClipboard,
  offset: Position,
): { flow: Flow; ids: string[] } {
  const taken = new Set(Object.keys(flow.blocks));
  const mapping = new Map<string, string>();
  for (const id of Object.keys(clip.blocks)) {
    const fresh = uniqueBlockId(taken, id);
    taken.add(fresh);
    mapping.set(id, fresh);
  }
  const blocks = { ...flow.blocks };
  const layout = { ...flow.layout };
  for (const [id, block] of Object.entries(clip.blocks)) {
    const fresh = mapping.get(id)!;
    const copy: Block = structuredClone(block);
    if (copy.next) {
      const next: Record<string, string> = {};
      for (const [outcome, target] of Object.entries(copy.next)) {
        const mapped = mapping.get(target) ?? (flow.blocks[target] ? target : undefined);
        if (mapped) next[outcome] = mapped;
      }
      if (Object.keys(next).length > 0) copy.next = next;
      else delete copy.next;
    }
    blocks[fresh] = copy;
    const position = clip.layout[id] ?? { x: 0, y: 0 };
    layout[fresh] = roundPosition({ x: position.x + offset.x, y: position.y + offset.y });
  }
  const next: Flow = { ...flow, blocks, layout };
  const ids = [...mapping.values()];
  if (Object.keys(flow.blocks).length === 0 && ids[0]) next.start = ids[0];
  return { flow: next, ids };
}

function safeOutcomes(
  definition: NonNullable<ReturnType<typeof blockDefinition>>,
  settings: unknown,
): string[] {
  try {
    return definition.outcomes((settings ?? {}) as Record<string, unknown>).map((o) => o.name);
  } catch {
    return [];
  }
}

function replaceBlock(flow: Flow, id: string, block: Block): Flow {
  return { ...flow, blocks: { ...flow.blocks, [id]: block } };
}

function withoutTransitionsTo(block: Block, gone: ReadonlySet<string>): Block {
  if (!block.next || !Object.values(block.next).some((target) => gone.has(target))) return block;
  const next: Record<string, string> = {};
  for (const [outcome, target] of Object.entries(block.next)) if (!gone.has(target)) next[outcome] = target;
  const updated: Block = { ...block };
  if (Object.keys(next).length > 0) updated.next = next;
  else delete updated.next;
  return updated;
}

function retarget(block: Block, rename: (id: string) => string): Block {
  if (!block.next) return block;
  const entries = Object.entries(block.next);
  if (!entries.some(([, target]) => rename(target) !== target)) return block;
  return { ...block, next: Object.fromEntries(entries.map(([o, t]) => [o, rename(t)])) };
}

function omitKeys<T>(record: Readonly<Record<string, T>>, keys: ReadonlySet<string>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of Object.entries(record)) if (!keys.has(k)) out[k] = v;
  return out;
}

function renameKey<T>(record: Readonly<Record<string, T>>, from: string, to: string): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of Object.entries(record)) out[k === from ? to : k] = v;
  return out;
}

function roundPosition(position: Position): Position {
  return { x: Math.round(position.x), y: Math.round(position.y) };
}
