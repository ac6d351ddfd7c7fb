import { useEffect } from 'react';
import { type EditorState, isDirty, useEditorStore } from '../store/flow-store';
import { browserStorage, removeLocalDraft, writeLocalDraft } from './local-drafts';

/** Typing pauses this long before the draft is written (a crash loses at most this much). */
const WRITE_DELAY_MS = 400;

/**
 * Keeps the open flow's unsaved work in the browser while it is unsaved (see local-drafts.ts): written
 * a moment after each edit and when the page goes away; removed as soon as the screen matches what is
 * stored again (saved, or undone back to it). Drafts of other flows are left alone: opening a flow
 * offers its draft (file-actions.ts).
 */
export function useLocalDrafts(): void {
  useEffect(() => {
    const storage = browserStorage();
    if (!storage) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let warned = false;
    const write = () => {
      clearTimeout(timer);
      timer = undefined;
      const state = useEditorStore.getState();
      if (!state.flow || !isDirty(state)) return;
      const written = writeLocalDraft(storage, draftOf(state));
      if (!written && !warned) {
        warned = true;
        state.notify({
          kind: 'error',
          text: 'This browser refused to keep a copy of your unsaved changes (storage full or disabled): save often.',
        });
      }
    };
    const unsubscribe = useEditorStore.subscribe((state, prev) => {
      if (
        state.flow === prev.flow &&
        state.pending === prev.pending &&
        state.savedFlow === prev.savedFlow &&
        state.etag === prev.etag
      )
        return;
      if (!state.flow || state.flow.id !== prev.flow?.id) {
        // Another flow (or none): the last one was saved or its changes discarded, both handled there.
        clearTimeout(timer);
        timer = undefined;
        return;
      }
      if (isDirty(state)) {
        clearTimeout(timer);
        timer = setTimeout(write, WRITE_DELAY_MS);
      } else if (isDirty(prev)) {
        clearTimeout(timer);
        timer = undefined;
        removeLocalDraft(storage, state.flow.id);
      }
    });
    window.addEventListener('pagehide', write);
    return () => {
      unsubscribe();
      clearTimeout(timer);
      window.removeEventListener('pagehide', write);
    };
  }, []);
}

function draftOf(state: EditorState) {
  const flow = state.flow!;
  return {
    flowId: flow.id,
    baseEtag: state.etag,
    base: state.savedFlow,
    flow,
    pending: state.pending,
    savedAt: new Date().toISOString(),
  };
}
