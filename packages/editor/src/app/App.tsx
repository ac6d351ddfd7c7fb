import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useState } from 'react';
import { BlockSearch } from '../canvas/BlockSearch';
import { Canvas } from '../canvas/Canvas';
import { Palette } from '../canvas/Palette';
import { ReviewBar } from '../canvas/ReviewBar';
import { StartDeleteDialog } from '../canvas/StartDeleteDialog';
import { useCanvasActions } from '../canvas/use-canvas-actions';
import { CenterArea } from '../center/CenterArea';
import { isCenterDirty, useCenterStore } from '../center/center-store';
import { Dialogs } from '../files/Dialogs';
import { loadResources, openFlow, refreshFlows, requestNewFlow, restoreDraft } from '../files/file-actions';
import { browserStorage, listLocalDrafts, removeLocalDraft } from '../files/local-drafts';
import { useLocalDrafts } from '../files/use-local-drafts';
import { useAutoLayout } from '../layout/use-auto-layout';
import { useNoteActions } from '../notes/use-note-actions';
import { useLiveProblems } from '../problems/use-live-problems';
import { isDirty, useEditorStore } from '../store/flow-store';
import { FirstStartNotice } from './FirstStartNotice';
import { ResourcesDamagedBanner } from './ResourcesDamagedBanner';
import { SidePanel } from './SidePanel';
import { StatusBar } from './StatusBar';
import { Toolbar } from './Toolbar';
import { useLiveEvents } from './use-live-events';
import { useShortcuts } from './use-shortcuts';
import { useViewSettings } from './view-settings';

export function App() {
  const area = useCenterStore((s) => s.area);
  useLiveEvents();
  useLocalDrafts();
  useEffect(() => {
    void refreshFlows();
    void loadResources();
  }, []);
  useEffect(() => {
    // The browser asks before leaving with unsaved changes.
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!isDirty(useEditorStore.getState()) && !isCenterDirty(useCenterStore.getState())) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
  return (
    <ReactFlowProvider>
      {area === 'center' ? <CenterArea /> : <Workbench />}
      <Dialogs />
      <StartDeleteDialog />
    </ReactFlowProvider>
  );
}

function Workbench() {
  const flow = useEditorStore((s) => s.flow);
  const [searching, setSearching] = useState(false);
  const { fit, focusBlock, placeInView } = useCanvasActions();
  const { focusNote } = useNoteActions();
  const { layout } = useAutoLayout(fit);
  const showPalette = useViewSettings((s) => s.palette);
  const showSidePanel = useViewSettings((s) => s.sidePanel);
  const openSearch = useCallback(() => setSearching(true), []);
  useShortcuts(openSearch, placeInView);
  useLiveProblems();
  // A problem clicked in the Problems panel brings its block into view (its form takes the focus).
  const focus = useEditorStore((s) => s.focus);
  useEffect(() => {
    if (focus?.blockId) focusBlock(focus.blockId, false);
  }, [focus, focusBlock]);

  return (
    <div className="app">
      <Toolbar onAutoLayout={layout} onFit={fit} />
      <ResourcesDamagedBanner />
      {flow ? (
        <main
          className="workbench"
          data-palette={showPalette ? 'shown' : 'hidden'}
          data-side-panel={showSidePanel ? 'shown' : 'hidden'}
        >
          {showPalette && <Palette flowType={flow.type} />}
          <div className="canvas-wrap">
            <BlockSearch
              open={searching}
              onOpen={openSearch}
              onClose={() => setSearching(false)}
              onPick={(id) => focusBlock(id)}
              onPickNote={focusNote}
            />
            <Canvas key={flow.id} />
            <ReviewBar />
          </div>
          {showSidePanel && <SidePanel flow={flow} />}
        </main>
      ) : (
        <StartScreen />
      )}
      <StatusBar />
    </div>
  );
}

function StartScreen() {
  const flows = useEditorStore((s) => s.flows);
  const online = useEditorStore((s) => s.online);
  const [drafts, setDrafts] = useState(() => {
    const storage = browserStorage();
    return storage ? listLocalDrafts(storage) : [];
  });
  const hasDraft = new Set(drafts.map((d) => d.flowId));
  // Drafts of flows the server does not list (never saved, or deleted since) can only be reached here.
  const unlisted = online ? drafts.filter((d) => !flows.some((f) => f.id === d.flowId)) : [];
  return (
    <main className="start-screen">
      <h1>Contact flows</h1>
      <p className="muted">Open a flow to edit it, or start a new one from an empty canvas.</p>
      <FirstStartNotice />
      <button type="button" className="primary" onClick={() => requestNewFlow()}>
        New flow
      </button>
      {flows.length > 0 && (
        <ul className="start-list" aria-label="Flows">
          {flows.map((f) => (
            <li key={f.id}>
              <button type="button" onClick={() => void openFlow(f.id)}>
                <strong>{f.name}</strong>
                <span className="muted">
                  {f.id} · {f.type}
                  {f.live !== null ? ` · live v${f.live}` : ' · not published'}
                  {f.errors > 0 ? ` · ${f.errors} errors` : ''}
                  {hasDraft.has(f.id) ? ' · unsaved changes in this browser' : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {unlisted.length > 0 && (
        <section aria-label="Unsaved drafts in this browser">
          <h2>Unsaved drafts in this browser</h2>
          <ul className="start-list">
            {unlisted.map((d) => (
              <li key={d.flowId}>
                <strong>{d.flow.name}</strong>{' '}
                <span className="muted">
                  {d.flowId} · not on the server · {new Date(d.savedAt).toLocaleString()}
                </span>{' '}
                <button type="button" onClick={() => restoreDraft(d)}>
                  Restore {d.flowId}
                </button>{' '}
                <button
                  type="button"
                  onClick={() => {
                    const storage = browserStorage();
                    if (storage) removeLocalDraft(storage, d.flowId);
                    setDrafts((all) => all.filter((x) => x !== d));
                  }}
                >
                  Discard {d.flowId}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
