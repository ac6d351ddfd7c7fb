/**
 * React Flow nodes for a flow's notes, beside the block nodes. A note's node id is `note:<id>` (block
 * ids cannot hold a colon, so the two never clash). Node objects are reused while a note, its place
 * and its selection are unchanged, so dragging a block rebuilds only the notes attached to it.
 */
import type { Flow, Note, Position } from '@callflow/model';
import type { Node } from '@xyflow/react';
import { NOTE_SIZE, notePositions } from './note-edits';

export interface NoteData extends Record<string, unknown> {
  noteId: string;
  note: Note;
}
export type NoteNodeType = Node<NoteData, 'note'>;

const PREFIX = 'note:';
export const noteNodeId = (id: string): string => `${PREFIX}${id}`;
/** The note id of a node id, or undefined for a block's node. */
export const noteIdOf = (nodeId: string): string | undefined =>
  nodeId.startsWith(PREFIX) ? nodeId.slice(PREFIX.length) : undefined;

export type NoteNodeCache = Map<string, NoteNodeType>;

export function buildNoteNodes(
  flow: Flow,
  blockPositions: ReadonlyMap<string, Position>,
  dragging: Readonly<Record<string, Position>>,
  selected: readonly string[],
  cache: NoteNodeCache,
): { nodes: NoteNodeType[]; cache: NoteNodeCache } {
  const next: NoteNodeCache = new Map();
  const nodes: NoteNodeType[] = [];
  if (!flow.notes) return { nodes, cache: next };
  const places = notePositions(flow, blockPositions, dragging);
  const chosen = new Set(selected);
  for (const [id, note] of Object.entries(flow.notes)) {
    const nodeId = noteNodeId(id);
    const position = dragging[nodeId] ?? places.get(id)!;
    const old = cache.get(id);
    const node: NoteNodeType =
      old &&
      old.data.note === note &&
      old.position.x === position.x &&
      old.position.y === position.y &&
      !!old.selected === chosen.has(id)
        ? old
        : {
            id: nodeId,
            type: 'note',
            position,
            data: { noteId: id, note },
            selected: chosen.has(id),
            width: NOTE_SIZE.width,
            height: NOTE_SIZE.height,
            // Notes sit under blocks: a note never hides the block it explains.
            zIndex: -1,
            ariaLabel: `Note ${id}`,
            measured: { ...NOTE_SIZE },
            ...(dragging[nodeId] ? { dragging: true } : {}),
          };
    next.set(id, node);
    nodes.push(node);
  }
  return { nodes, cache: next };
}
