import type { Flow } from '@callflow/model';
import Editor, { type OnMount } from '@monaco-editor/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { formatFlowText } from '../flow-checks';
import { onFlushEdits } from '../store/edit-flush';
import { useEditorStore } from '../store/flow-store';
import { type PendingEdit, pendingProblem } from '../store/pending-edits';
import { FLOW_MODEL_URI, type monaco } from './monaco-setup';
import { minimalReplacement, readFlowText, type TextApplication } from './text-sync';

type CodeEditor = monaco.editor.IStandaloneCodeEditor;

const APPLY_DELAY_MS = 300;
/** The key of the JSON view's text in the store's pending edits. */
const PENDING_KEY = 'json';
const options = {
  editContext: false,
  minimap: { enabled: false },
  automaticLayout: true,
  fontSize: 12,
  tabSize: 2,
  scrollBeyondLastLine: false,
  wordWrap: 'off',
  formatOnPaste: false,
  // The completion list and hovers are wider than the side panel: drawn fixed, over the canvas,
  // instead of cut off at the panel's edge.
  fixedOverflowWidgets: true,
} as const;

/** The flow as canonical JSON, edited in place and kept in two-way sync with the canvas. */
export default function JsonView() {
  const editorRef = useRef<CodeEditor | null>(null);
  /** The flow the text currently shows (or was read from), so echoes are not written back. */
  const shown = useRef<Flow | null>(null);
  const applyingCanvas = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [status, setStatus] = useState<TextApplication | null>(null);

  const showFlow = useCallback((flow: Flow | null) => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || !flow || flow === shown.current) return;
    // Text that is not applied is the admin's work: a canvas edit meanwhile does not overwrite it
    // (the text still wins once it is valid; the canvas edit stays in the undo history).
    if (useEditorStore.getState().pending[PENDING_KEY]) return;
    shown.current = flow;
    const before = model.getValue();
    const change = minimalReplacement(before, formatFlowText(flow));
    if (!change) return;
    const start = model.getPositionAt(change.start);
    const end = model.getPositionAt(change.end);
    applyingCanvas.current = true;
    try {
      editor.executeEdits('canvas', [
        {
          range: {
            startLineNumber: start.lineNumber,
            startColumn: start.column,
            endLineNumber: end.lineNumber,
            endColumn: end.column,
          },
          text: change.text,
        },
      ]);
      editor.pushUndoStop();
    } finally {
      applyingCanvas.current = false;
    }
    setStatus(null);
  }, []);

  /** Reads the text now: applies it to the flow, or registers it as a pending edit saying why not. */
  const apply = useCallback((text: string, report: boolean) => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const store = useEditorStore.getState();
    const result = readFlowText(text, store.flow?.id);
    if (report) setStatus(result);
    if (!result.ok) {
      store.setPending(PENDING_KEY, pendingJsonEdit(text, result));
      return;
    }
    store.setPending(PENDING_KEY, null);
    shown.current = result.flow;
    store.edit(() => result.flow, 'json');
  }, []);
  const typed = useRef<string | null>(null);

  /** Text registered from elsewhere (a restored local draft) replaces what the editor shows. */
  const showPendingText = useCallback((text: string) => {
    const model = editorRef.current?.getModel();
    if (!model || model.getValue() === text) return;
    applyingCanvas.current = true;
    try {
      model.setValue(text);
    } finally {
      applyingCanvas.current = false;
    }
    setStatus(readFlowText(text, useEditorStore.getState().flow?.id));
  }, []);

  useEffect(
    () =>
      useEditorStore.subscribe((state, prev) => {
        const pending = state.pending[PENDING_KEY];
        if (pending && pending !== prev.pending[PENDING_KEY]) showPendingText(pending.text);
        showFlow(state.flow);
      }),
    [showFlow, showPendingText],
  );
  // A save, or leaving the tab, applies what was typed in the last moment instead of dropping it.
  useEffect(() => {
    const flushNow = (report: boolean) => {
      if (timer.current !== undefined && typed.current !== null) apply(typed.current, report);
    };
    const unregister = onFlushEdits(() => flushNow(true));
    return () => {
      unregister();
      flushNow(false);
    };
  }, [apply]);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor as unknown as CodeEditor;
    const state = useEditorStore.getState();
    const pending = state.pending[PENDING_KEY];
    shown.current = state.flow;
    // Text left unapplied when the tab was last open comes back as it was.
    editor.getModel()?.setValue(pending ? pending.text : state.flow ? formatFlowText(state.flow) : '');
    if (pending) setStatus(readFlowText(pending.text, state.flow?.id));
    editor.onDidChangeModelContent(() => {
      if (applyingCanvas.current) return;
      typed.current = editor.getValue();
      clearTimeout(timer.current);
      timer.current = setTimeout(() => apply(editor.getValue(), true), APPLY_DELAY_MS);
    });
  };

  return (
    <section className="panel json-panel" aria-label="JSON">
      <JsonStatus status={status} />
      <div className="json-editor">
        <Editor
          path={FLOW_MODEL_URI}
          defaultLanguage="json"
          options={options}
          onMount={onMount}
          loading={<p className="muted">Loading the JSON editor…</p>}
        />
      </div>
    </section>
  );
}

function JsonStatus({ status }: { status: TextApplication | null }) {
  if (!status)
    return <p className="json-status muted">Edits apply to the canvas as soon as the JSON is valid.</p>;
  if (status.ok) return <p className="json-status is-ok">Applied to the canvas.</p>;
  if (status.reason === 'id') {
    return (
      <p className="json-status is-error" role="alert">
        Not applied — {status.message}
      </p>
    );
  }
  if (status.reason === 'parse') {
    return (
      <p className="json-status is-error" role="alert">
        Not applied — invalid JSON{status.line ? ` at line ${status.line}, column ${status.column}` : ''}:{' '}
        {status.message}. The canvas keeps the last valid version.
      </p>
    );
  }
  return (
    <p className="json-status is-error" role="alert">
      Not applied — {status.problems.length} schema {status.problems.length === 1 ? 'error' : 'errors'}:{' '}
      {status.problems[0]?.message} ({status.problems[0]?.path || '/'}). The canvas keeps the last valid
      version.
    </p>
  );
}

/**
 * The JSON view's text as a pending edit: the first reason it cannot be applied, with its code. Its
 * pointer is the whole document, since the text may name blocks the flow does not have yet.
 */
function pendingJsonEdit(text: string, result: Exclude<TextApplication, { ok: true }>): PendingEdit {
  const where = 'the JSON view';
  if (result.reason === 'parse') {
    const at = result.line ? ` at line ${result.line}, column ${result.column}` : '';
    const problem = pendingProblem('CF001', `Invalid JSON${at}: ${result.message}.`, '');
    if (result.line) {
      problem.line = result.line;
      problem.column = result.column ?? 1;
    }
    return { where, text, tab: 'json', problem };
  }
  if (result.reason === 'id') {
    return { where, text, tab: 'json', problem: pendingProblem('CF606', result.message, '') };
  }
  const first = result.problems[0]!;
  const more = result.problems.length > 1 ? ` (and ${result.problems.length - 1} more schema errors)` : '';
  return {
    where,
    text,
    tab: 'json',
    // Addressed to the whole text: the pointer may name a block that only the text has.
    problem: pendingProblem(first.code, `${first.message} (${first.path || '/'})${more}.`, ''),
  };
}
