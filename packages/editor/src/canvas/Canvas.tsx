import { diffFlows, type Position, type Problem } from '@callflow/model';
import {
  Background,
  type Connection,
  Controls,
  type Edge,
  type EdgeChange,
  type FinalConnectionState,
  MarkerType,
  MiniMap,
  type NodeChange,
  type OnBeforeDelete,
  type OnDelete,
  ReactFlow,
  useReactFlow,
  useStore,
  type Viewport,
} from '@xyflow/react';
import { type DragEvent, useCallback, useMemo, useRef, useState } from 'react';
import { activeReview, useReviewStore, viewingVersion } from '../files/review-store';
import { connect, disconnect, moveBlocks, removeBlocks } from '../flow/flow-edits';
import { NoteNode } from '../notes/NoteNode';
import { NotesPanel } from '../notes/NotesPanel';
import { removeNotes } from '../notes/note-edits';
import { type NoteNodeType, noteIdOf } from '../notes/note-nodes';
import { useNotesStore } from '../notes/notes-store';
import { useNoteLayer } from '../notes/use-note-layer';
import { useSimulationStore } from '../simulator/simulation-store';
import { useEditorStore } from '../store/flow-store';
import { TrafficLayer } from '../traffic/TrafficLayer';
import { withTraffic } from '../traffic/traffic-edges';
import { useShownTraffic } from '../traffic/traffic-store';
import { BlockNode, type BlockNodeType } from './BlockNode';
import { confirmBlockDeletion } from './delete-blocks';
import { buildEdges, type EdgeCache, takenWires } from './flow-edges';
import { flowEdges, groupProblemsByBlock, NODE_WIDTH, parseEdgeId } from './flow-graph';
import { buildNodes, type Dimensions, emptyNodeCache, withDragPositions } from './flow-nodes';
import { LargeFlowMiniMap } from './LargeFlowMiniMap';
import { OverviewEdges } from './OverviewEdges';
import { BLOCK_DRAG_TYPE } from './palette-items';
import { withReviewMarks } from './review-nodes';
import { CANVAS_TEST_ID, useCanvasActions } from './use-canvas-actions';
import { useCompactBlocks, useFollowActiveBlock, useOpeningViewport } from './use-canvas-view';
import { CompactBlocksContext, FarZoomContext, isFarOut, MAX_ZOOM, MIN_ZOOM } from './zoom';

// Defined once, outside any component: React Flow warns when nodeTypes changes between renders.
const nodeTypes = { block: BlockNode, note: NoteNode };
/** Blocks, and the sticky notes beside them (src/notes). */
type CanvasNode = BlockNodeType | NoteNodeType;
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 } };
const proOptions = { hideAttribution: true };
const noEdges: Edge[] = [];
/** Above this many blocks only the blocks in view are rendered. */
const LARGE_FLOW_BLOCKS = 200;
const deleteKeys = ['Delete', 'Backspace'];
const multiSelectKeys = ['Shift', 'Meta', 'Control'];

const noSelection: string[] = [];
const noProblems: Problem[] = [];

/** The canvas: React Flow nodes and edges derived from the flow document, edits written back to it. */
export function Canvas() {
  const draft = useEditorStore((s) => s.flow);
  const review = activeReview(
    useReviewStore((s) => s.review),
    draft?.id,
  );
  // A published version viewed read-only takes the draft's place on the canvas; nothing edits it.
  const readOnly = review?.mode === 'view';
  const flow = readOnly ? review.flow : draft;
  const draftSelection = useEditorStore((s) => s.selection);
  const draftProblems = useEditorStore((s) => s.problems);
  const selection = readOnly ? noSelection : draftSelection;
  const problems = readOnly ? noProblems : draftProblems;
  const rf = useReactFlow();
  const { add } = useCanvasActions();
  const [dragPositions, setDragPositions] = useState<Record<string, Position>>({});
  const [selectedEdges, setSelectedEdges] = useState<ReadonlySet<string>>(new Set());
  const measured = useRef(new Map<string, Dimensions>());
  // Bumped at most once per frame after measurements, so the mini map sees the measured sizes.
  const [measureTick, setMeasureTick] = useState(0);
  const tickPending = useRef(false);
  const cache = useRef(emptyNodeCache());
  const reconnected = useRef(false);
  const pane = useRef<HTMLElement>(null);
  const [viewport, setViewport] = useState<Viewport>();
  const compact = useCompactBlocks(viewport);
  const far = useStore(isFarOut) && compact;

  const problemsByBlock = useMemo(() => groupProblemsByBlock(problems), [problems]);

  // Measured sizes are kept aside and handed to the node objects at most once per frame (measureTick),
  // so a node built anew keeps its size instead of hiding itself, and the mini map can draw it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  const placedNodes = useMemo<BlockNodeType[]>(() => {
    if (!flow) return [];
    const built = buildNodes(flow, cache.current, {
      selection,
      problemsByBlock,
      measured: measured.current,
      compact,
    });
    cache.current = built.cache;
    return built.nodes;
  }, [flow, selection, problemsByBlock, measureTick, compact]);
  // Compared with a version: what changed since is marked, what was removed shows as ghosts.
  const diff = useMemo(
    () => (review?.mode === 'compare' && draft ? diffFlows(review.flow, draft) : undefined),
    [review, draft],
  );
  const reviewedNodes = useMemo(
    () => (diff && review ? withReviewMarks(placedNodes, diff, review.flow) : placedNodes),
    [placedNodes, diff, review],
  );
  const blockNodes = useMemo(
    () => withDragPositions(reviewedNodes, dragPositions),
    [reviewedNodes, dragPositions],
  );
  const { noteNodes, onNoteChanges, onNoteDragStop } = useNoteLayer(flow, dragPositions);
  const nodes = useMemo<CanvasNode[]>(
    () => (noteNodes.length > 0 ? [...noteNodes, ...blockNodes] : blockNodes),
    [noteNodes, blockNodes],
  );

  // A large flow renders only the blocks in view. Every flow opens fitted whole.
  const large = !!flow && Object.keys(flow.blocks).length > LARGE_FLOW_BLOCKS;
  useOpeningViewport(pane, placedNodes, setViewport);

  const wires = useMemo(() => (flow ? flowEdges(flow) : []), [flow]);
  const path = useSimulationStore((s) => s.visitedBlockIds);
  const taken = useMemo(() => takenWires(wires, path), [wires, path]);
  useFollowActiveBlock();
  // Zoomed out, React Flow draws no edges: the overview layer draws them all at once.
  const edgeCache = useRef<EdgeCache>(new Map());
  const edges = useMemo<Edge[]>(() => {
    if (compact) return noEdges;
    const built = buildEdges(wires, selectedEdges, edgeCache.current, taken);
    edgeCache.current = built.cache;
    return built.edges;
  }, [wires, selectedEdges, compact, taken]);

  // Where calls go, when the Traffic tab shows it: edge widths and counts (traffic/).
  const traffic = useShownTraffic(flow?.id);
  const drawnEdges = useMemo(() => (traffic ? withTraffic(edges, traffic) : edges), [edges, traffic]);

  const onNodesChange = useCallback(
    (all: NodeChange<CanvasNode>[]) => {
      const notes = all.filter((c) => 'id' in c && noteIdOf(c.id) !== undefined);
      if (notes.length > 0) onNoteChanges(notes);
      const changes = notes.length > 0 ? all.filter((c) => !notes.includes(c)) : all;
      const state = useEditorStore.getState();
      let selection: Set<string> | undefined;
      const moving: Record<string, Position> = {};
      const settled: Record<string, Position> = {};
      for (const change of changes) {
        if (change.type === 'select') {
          selection ??= new Set(state.selection);
          if (change.selected) selection.add(change.id);
          else selection.delete(change.id);
        } else if (change.type === 'position' && change.position) {
          // While dragging, positions live here; a drop or a keyboard move writes them to the flow.
          if (change.dragging) moving[change.id] = change.position;
          else settled[change.id] = change.position;
        } else if (change.type === 'dimensions' && change.dimensions) {
          measured.current.set(change.id, change.dimensions);
          if (!tickPending.current) {
            tickPending.current = true;
            requestAnimationFrame(() => {
              tickPending.current = false;
              setMeasureTick((t) => t + 1);
            });
          }
        }
      }
      if (selection && state.flow) {
        const chosen = selection;
        state.select(Object.keys(state.flow.blocks).filter((id) => chosen.has(id)));
      }
      if (Object.keys(moving).length > 0) setDragPositions((old) => ({ ...old, ...moving }));
      if (Object.keys(settled).length > 0) {
        state.edit((f) => moveBlocks(f, settled));
        setDragPositions((old) => {
          const rest = { ...old };
          for (const id of Object.keys(settled)) delete rest[id];
          return rest;
        });
      }
    },
    [onNoteChanges],
  );

  const onNodeDragStop = useCallback(() => {
    onNoteDragStop();
    setDragPositions((current) => {
      if (Object.keys(current).length > 0) {
        const positions = current;
        queueMicrotask(() => useEditorStore.getState().edit((f) => moveBlocks(f, positions)));
      }
      return {};
    });
  }, [onNoteDragStop]);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    setSelectedEdges((old) => {
      let next: Set<string> | undefined;
      for (const change of changes) {
        if (change.type !== 'select') continue;
        next ??= new Set(old);
        if (change.selected) next.add(change.id);
        else next.delete(change.id);
      }
      return next ?? old;
    });
  }, []);

  // The Delete key on the start block asks first (delete-blocks.ts); "keep it" deletes nothing.
  const onBeforeDelete: OnBeforeDelete<CanvasNode, Edge> = useCallback(
    ({ nodes: toDelete }) =>
      confirmBlockDeletion(toDelete.map((n) => n.id).filter((id) => noteIdOf(id) === undefined)),
    [],
  );

  const onDelete: OnDelete<CanvasNode, Edge> = useCallback(({ nodes: deletedNodes, edges: deletedEdges }) => {
    const ids = deletedNodes.map((n) => n.id);
    const noteIds = ids.map(noteIdOf).filter((id) => id !== undefined);
    useEditorStore.getState().edit((f) => {
      let next = f;
      for (const edge of deletedEdges) {
        const parsed = parseEdgeId(edge.id);
        if (parsed) next = disconnect(next, parsed.source, parsed.outcome);
      }
      return removeNotes(removeBlocks(next, ids), noteIds);
    });
    setSelectedEdges(new Set());
  }, []);

  const onConnect = useCallback((c: Connection) => {
    if (!c.sourceHandle || c.source === null || c.target === null) return;
    const outcome = c.sourceHandle;
    useEditorStore.getState().edit((f) => connect(f, c.source, outcome, c.target));
  }, []);

  // Dropping a wire anywhere on a block (not only on its small input handle) wires it to that block.
  const onConnectEnd = useCallback((event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
    if (state.isValid || !state.fromHandle?.id || state.fromHandle.type !== 'source') return;
    const point = 'changedTouches' in event ? event.changedTouches[0] : event;
    if (!point) return;
    const element = document.elementFromPoint(point.clientX, point.clientY);
    const target = element?.closest<HTMLElement>('.react-flow__node')?.dataset.id;
    const source = state.fromHandle.nodeId;
    const outcome = state.fromHandle.id;
    if (target) useEditorStore.getState().edit((f) => connect(f, source, outcome, target));
  }, []);

  const isValidConnection = useCallback(
    (c: Connection | Edge) =>
      c.targetHandle === 'in' || c.targetHandle === null || c.targetHandle === undefined,
    [],
  );

  const onReconnectStart = useCallback(() => {
    reconnected.current = false;
  }, []);
  const onReconnect = useCallback((old: Edge, c: Connection) => {
    reconnected.current = true;
    const parsed = parseEdgeId(old.id);
    if (!parsed || !c.target) return;
    useEditorStore.getState().edit((f) => connect(f, parsed.source, parsed.outcome, c.target));
  }, []);
  // Dropping a dragged edge end on empty canvas unwires that outcome.
  const onReconnectEnd = useCallback((_event: unknown, old: Edge) => {
    if (reconnected.current) return;
    const parsed = parseEdgeId(old.id);
    if (parsed) useEditorStore.getState().edit((f) => disconnect(f, parsed.source, parsed.outcome));
  }, []);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(BLOCK_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(BLOCK_DRAG_TYPE);
      if (!type || viewingVersion(useEditorStore.getState().flow?.id)) return;
      event.preventDefault();
      const at = rf.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      add(type, { x: at.x - NODE_WIDTH / 2, y: at.y - 24 });
    },
    [rf, add],
  );

  const onPaneClick = useCallback(() => {
    useEditorStore.getState().select([]);
    useNotesStore.getState().select([]);
    setSelectedEdges(new Set());
  }, []);

  if (!flow) return null;
  return (
    <section
      ref={pane}
      className="canvas"
      aria-label="Canvas"
      data-testid={CANVAS_TEST_ID}
      data-flow-id={flow.id}
      data-read-only={readOnly ? 'true' : undefined}
      data-traffic={traffic ? 'shown' : undefined}
    >
      {viewport && (
        <CompactBlocksContext value={compact}>
          <FarZoomContext value={far}>
            <ReactFlow<CanvasNode, Edge>
              nodes={nodes}
              edges={drawnEdges}
              nodeTypes={nodeTypes}
              defaultEdgeOptions={defaultEdgeOptions}
              onNodesChange={onNodesChange}
              onEdgesChange={onEdgesChange}
              onNodeDragStop={onNodeDragStop}
              onConnect={onConnect}
              onConnectEnd={onConnectEnd}
              isValidConnection={isValidConnection}
              onReconnect={onReconnect}
              onReconnectStart={onReconnectStart}
              onReconnectEnd={onReconnectEnd}
              onBeforeDelete={onBeforeDelete}
              onDelete={onDelete}
              onDrop={onDrop}
              onDragOver={onDragOver}
              onPaneClick={onPaneClick}
              deleteKeyCode={readOnly ? null : deleteKeys}
              nodesDraggable={!readOnly}
              nodesConnectable={!readOnly}
              elementsSelectable={!readOnly}
              edgesReconnectable={!readOnly}
              multiSelectionKeyCode={multiSelectKeys}
              selectionKeyCode="Shift"
              defaultViewport={viewport}
              onlyRenderVisibleElements={large}
              minZoom={MIN_ZOOM}
              maxZoom={MAX_ZOOM}
              proOptions={proOptions}
            >
              {traffic && (
                <TrafficLayer traffic={traffic} nodes={placedNodes} dragPositions={dragPositions} />
              )}
              {compact && <OverviewEdges edges={wires} nodes={placedNodes} dragPositions={dragPositions} />}
              <Background gap={20} size={1} />
              <NotesPanel readOnly={readOnly} />
              {large ? (
                <LargeFlowMiniMap nodes={placedNodes} />
              ) : (
                <MiniMap pannable zoomable ariaLabel="Mini map" />
              )}
              <Controls aria-label="Zoom controls" />
            </ReactFlow>
          </FarZoomContext>
        </CompactBlocksContext>
      )}
      {Object.keys(flow.blocks).length === 0 && (
        <p className="canvas-empty">Drag a block from the palette here, or press Enter on one to add it.</p>
      )}
    </section>
  );
}
