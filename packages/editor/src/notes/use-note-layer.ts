/**
 * The notes' part of the canvas: their nodes (placed from the blocks they are attached to, following a
 * block while it is dragged) and what their node changes do (select, drag, drop onto a block).
 */
import type { Flow, Position } from '@callflow/model';
import type { NodeChange } from '@xyflow/react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { positionsOf } from '../canvas/flow-graph';
import { blockRects } from '../canvas/free-spot';
import { useEditorStore } from '../store/flow-store';
import { dropNote, NOTE_SIZE } from './note-edits';
import { buildNoteNodes, type NoteNodeCache, type NoteNodeType, noteIdOf } from './note-nodes';
import { useNotesStore } from './notes-store';

const noNotes: NoteNodeType[] = [];
const noPositions = new Map<string, Position>();

export function useNoteLayer(flow: Flow | null, blockDrags: Readonly<Record<string, Position>>) {
  const selected = useNotesStore((s) => s.selected);
  const [noteDrags, setNoteDrags] = useState<Record<string, Position>>({});
  const cache = useRef<NoteNodeCache>(new Map());
  const hasNotes = !!flow?.notes && Object.keys(flow.notes).length > 0;
  // A flow without notes pays nothing here, whatever its size.
  const blockPositions = useMemo(
    () => (flow && hasNotes ? positionsOf(flow) : noPositions),
    [flow, hasNotes],
  );
  const noteNodes = useMemo(() => {
    if (!flow || !hasNotes) return noNotes;
    const dragging = Object.keys(noteDrags).length > 0 ? { ...blockDrags, ...noteDrags } : blockDrags;
    const built = buildNoteNodes(flow, blockPositions, dragging, selected, cache.current);
    cache.current = built.cache;
    return built.nodes;
  }, [flow, hasNotes, blockPositions, blockDrags, noteDrags, selected]);

  const settle = useCallback((positions: Readonly<Record<string, Position>>) => {
    const state = useEditorStore.getState();
    const current = state.flow;
    if (!current || Object.keys(positions).length === 0) return;
    const rects = [...blockRects(current).entries()];
    state.edit((f) => {
      let next = f;
      for (const [nodeId, at] of Object.entries(positions)) {
        const id = noteIdOf(nodeId);
        if (!id) continue;
        const centre = { x: at.x + NOTE_SIZE.width / 2, y: at.y + NOTE_SIZE.height / 2 };
        const onto = rects.find(
          ([, r]) =>
            centre.x >= r.x && centre.x <= r.x + r.width && centre.y >= r.y && centre.y <= r.y + r.height,
        )?.[0];
        next = dropNote(next, id, at, onto);
      }
      return next;
    });
  }, []);

  /** Applies React Flow's changes of note nodes (the canvas hands them over by id). */
  const onNoteChanges = useCallback(
    (changes: readonly NodeChange[]) => {
      let selection: Set<string> | undefined;
      const moving: Record<string, Position> = {};
      const settled: Record<string, Position> = {};
      for (const change of changes) {
        if (change.type === 'select') {
          const id = noteIdOf(change.id);
          if (!id) continue;
          selection ??= new Set(useNotesStore.getState().selected);
          if (change.selected) selection.add(id);
          else selection.delete(id);
        } else if (change.type === 'position' && change.position) {
          if (change.dragging) moving[change.id] = change.position;
          else settled[change.id] = change.position;
        }
      }
      if (selection) useNotesStore.getState().select([...selection]);
      if (Object.keys(moving).length > 0) setNoteDrags((old) => ({ ...old, ...moving }));
      if (Object.keys(settled).length > 0) {
        settle(settled);
        setNoteDrags((old) => {
          const rest = { ...old };
          for (const id of Object.keys(settled)) delete rest[id];
          return rest;
        });
      }
    },
    [settle],
  );

  /** A drag ended without a final position change: what is still being dragged is dropped there. */
  const onNoteDragStop = useCallback(() => {
    setNoteDrags((current) => {
      if (Object.keys(current).length > 0) {
        const positions = current;
        queueMicrotask(() => settle(positions));
      }
      return {};
    });
  }, [settle]);

  return { noteNodes, onNoteChanges, onNoteDragStop };
}
