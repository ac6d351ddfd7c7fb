/**
 * Edits of a flow's sticky notes, pure like the block edits (`flow/flow-edits.ts`). A free note's x/y
 * are canvas coordinates; an attached note's are the offset from its block, so the block's moves carry
 * it without touching `notes` (docs/format.md#notes).
 */
import type { Flow, Note, NoteColor, Position } from '@callflow/model';
import { positionsOf } from '../canvas/flow-graph';

/** A note's size on the canvas (fixed: its text scrolls), in flow pixels. */
export const NOTE_SIZE = { width: 220, height: 140 } as const;
/** Where a note attached by the designer sits: above its block, clear of the block's title. */
export const ATTACHED_OFFSET: Position = { x: 0, y: -(NOTE_SIZE.height + 16) };

/** The canvas position of every note, given where the blocks are (their drag positions win). */
export function notePositions(
  flow: Flow,
  blockPositions: ReadonlyMap<string, Position>,
  dragging: Readonly<Record<string, Position>> = {},
): Map<string, Position> {
  const out = new Map<string, Position>();
  for (const [id, note] of Object.entries(flow.notes ?? {})) {
    const block = note.block ? (dragging[note.block] ?? blockPositions.get(note.block)) : undefined;
    out.set(id, block ? { x: block.x + note.x, y: block.y + note.y } : { x: note.x, y: note.y });
  }
  return out;
}

function uniqueNoteId(flow: Flow): string {
  const taken = flow.notes ?? {};
  let n = Object.keys(taken).length + 1;
  while (Object.hasOwn(taken, `note-${n}`)) n++;
  return `note-${n}`;
}

/** Adds an empty note, free at `at` or, with `block`, attached above that block. */
export function addNote(flow: Flow, at: Position, block?: string): { flow: Flow; id: string } {
  const id = uniqueNoteId(flow);
  const note: Note =
    block && flow.blocks[block] ? { text: '', block, ...ATTACHED_OFFSET } : { text: '', x: at.x, y: at.y };
  return { flow: { ...flow, notes: { ...flow.notes, [id]: note } }, id };
}

export function setNoteText(flow: Flow, id: string, text: string): Flow {
  const note = flow.notes?.[id];
  if (!note || note.text === text) return flow;
  return replaceNote(flow, id, { ...note, text });
}

export function setNoteColor(flow: Flow, id: string, color: NoteColor): Flow {
  const note = flow.notes?.[id];
  if (!note || (note.color ?? 'yellow') === color) return flow;
  const next: Note = { ...note, color };
  // Yellow is the default: left out, so a note that was never recoloured keeps a short entry.
  if (color === 'yellow') delete next.color;
  return replaceNote(flow, id, next);
}

export function removeNotes(flow: Flow, ids: readonly string[]): Flow {
  const gone = ids.filter((id) => flow.notes?.[id]);
  if (gone.length === 0 || !flow.notes) return flow;
  const notes = { ...flow.notes };
  for (const id of gone) delete notes[id];
  const next: Flow = { ...flow, notes };
  if (Object.keys(notes).length === 0) delete next.notes;
  return next;
}

/**
 * A note dropped with its top left at `at` (canvas coordinates): dropped onto a block, it is attached
 * to that block (placed above it); otherwise an attached note stays attached at its new offset and a
 * free note moves.
 */
export function dropNote(flow: Flow, id: string, at: Position, onto?: string): Flow {
  const note = flow.notes?.[id];
  if (!note) return flow;
  if (onto && flow.blocks[onto]) {
    return replaceNote(flow, id, { ...withoutPlace(note), block: onto, ...ATTACHED_OFFSET });
  }
  const block = note.block ? positionsOf(flow).get(note.block) : undefined;
  const place = block ? { x: at.x - block.x, y: at.y - block.y } : at;
  if (note.x === Math.round(place.x) && note.y === Math.round(place.y)) return flow;
  return replaceNote(flow, id, { ...note, x: Math.round(place.x), y: Math.round(place.y) });
}

/** Detaches a note, leaving it where it is on the canvas. */
export function detachNote(flow: Flow, id: string): Flow {
  return detachNotesOf(flow, [id]);
}

/**
 * Before blocks are deleted: their notes become free notes where they were (a canvas edit never loses
 * text someone wrote).
 */
export function detachNotesFrom(flow: Flow, blockIds: ReadonlySet<string>): Flow {
  const ids = Object.entries(flow.notes ?? {})
    .filter(([, note]) => note.block && blockIds.has(note.block))
    .map(([id]) => id);
  return detachNotesOf(flow, ids);
}

function detachNotesOf(flow: Flow, ids: readonly string[]): Flow {
  if (ids.length === 0 || !flow.notes) return flow;
  const positions = notePositions(flow, positionsOf(flow));
  const notes = { ...flow.notes };
  for (const id of ids) {
    const note = notes[id];
    if (!note?.block) continue;
    const at = positions.get(id)!;
    notes[id] = { ...withoutPlace(note), x: at.x, y: at.y };
  }
  return { ...flow, notes };
}

/** A block renamed: notes attached to it follow the new id. */
export function renameNotesBlock(flow: Flow, oldId: string, newId: string): Flow {
  if (!flow.notes || !Object.values(flow.notes).some((n) => n.block === oldId)) return flow;
  const notes: Record<string, Note> = {};
  for (const [id, note] of Object.entries(flow.notes))
    notes[id] = note.block === oldId ? { ...note, block: newId } : note;
  return { ...flow, notes };
}

/** The note without its block and place (to give it new ones). */
function withoutPlace(note: Note): Omit<Note, 'x' | 'y' | 'block'> {
  const { x: _x, y: _y, block: _block, ...rest } = note;
  return rest;
}

function replaceNote(flow: Flow, id: string, note: Note): Flow {
  return { ...flow, notes: { ...flow.notes, [id]: note } };
}
