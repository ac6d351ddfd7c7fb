import type { Flow } from '@callflow/model';
import Editor, { type OnMount } from '@monaco-editor/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { formatFlowText } from '../flow-checks';
import { useEditorStore } from '../store/flow-store';
import { FLOW_MODEL_URI, type monaco } from './monaco-setup';
import { minimalReplacement, readFlowText, type TextApplication } from './text-sync';

type CodeEditor = monaco.editor.IStandaloneCodeEditor;

const APPLY_DELAY_MS = 300;
const options = {
  editContext: false,
  minimap: { enabled: false },
  automaticLayout: true,
  fontSize: 12,
  tabSize: 2,
  scrollBeyondLastLine: false,
  wordWrap: 'off',
  formatOnPaste: false,
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

  useEffect(() => useEditorStore.subscribe((state) => showFlow(state.flow)), [showFlow]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor as unknown as CodeEditor;
    const flow = useEditorStore.getState().flow;
    shown.current = flow;
    editor.getModel()?.setValue(flow ? formatFlowText(flow) : '');
    editor.onDidChangeModelContent(() => {
      if (applyingCanvas.current) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        const result = readFlowText(editor.getValue(), useEditorStore.getState().flow?.id);
        setStatus(result);
        if (!result.ok) return;
        shown.current = result.flow;
        useEditorStore.getState().edit(() => result.flow, 'json');
      }, APPLY_DELAY_MS);
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
