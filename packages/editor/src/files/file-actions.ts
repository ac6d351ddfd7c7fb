/**
 * Opening, saving, publishing, importing and exporting flows. Nothing is ever lost silently: a stale
 * save opens the conflict dialog, unsaved changes are asked about, invalid imports are refused with
 * their problems shown.
 */
import {
  type Flow,
  type FlowType,
  type MergeSide,
  type MergeUnit,
  mergeFlows,
  mergeUnitId,
  type Problem,
} from '@callflow/model';
import { type Api, ApiError, api as defaultApi } from '../api/client';
import { newFlow } from '../flow/flow-edits';
import { checkText, formatFlowText } from '../flow-checks';
import { flushEdits } from '../store/edit-flush';
import { hasPendingEdits, isDirty, useEditorStore } from '../store/flow-store';
import { pendingSummary } from '../store/pending-edits';
import { downloadText } from './download';
import { type Conflict, type UnsavedContinuation, useFileStore } from './file-store';
import {
  browserStorage,
  type DraftStanding,
  draftStanding,
  type LocalDraft,
  readLocalDraft,
  removeLocalDraft,
} from './local-drafts';

let api: Api = defaultApi;

/** For tests of the actions with a fake server. */
export function setApi(replacement: Api): void {
  api = replacement;
}

function notifyError(error: unknown, what: string): void {
  let message = error instanceof ApiError ? `${error.message} (${error.code})` : String(error);
  if (error instanceof ApiError && error.status === 401) {
    message = 'not signed in — open the address the server printed at start-up (it ends with ?token=…)';
  } else if (error instanceof ApiError && error.status === 403) {
    message = 'your token may not do this (viewers can only read)';
  }
  useEditorStore.getState().notify({ kind: 'error', text: `${what}: ${message}` });
}

export async function refreshFlows(): Promise<void> {
  try {
    useEditorStore.getState().setFlows(await api.listFlows());
  } catch (error) {
    notifyError(error, 'Could not list flows');
  }
}

export async function loadResources(): Promise<void> {
  try {
    useEditorStore.getState().setResources(await api.getResources());
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) notifyError(error, 'Could not load resources');
  }
}

/** Asks about unsaved changes first when there are any; returns false when the dialog was opened. */
function guardUnsaved(then: UnsavedContinuation): boolean {
  if (!isDirty(useEditorStore.getState())) return true;
  useFileStore.getState().show({ kind: 'unsaved', then });
  return false;
}

export async function openFlow(id: string, force = false): Promise<void> {
  if (!force && !guardUnsaved({ action: 'open', id })) return;
  // Save and Publish stay disabled while the flow loads: they would act on the flow being left.
  const files = useFileStore.getState();
  files.setBusy(true);
  try {
    const { flow, etag } = await api.getFlow(id);
    const draft = draftToOffer(id, flow, etag);
    useEditorStore.getState().open(flow, etag);
    useEditorStore.getState().notify({ kind: 'info', text: `Opened ${id}.` });
    if (draft) files.show({ kind: 'restoreDraft', draft: draft.draft, stale: draft.standing === 'stale' });
  } catch (error) {
    notifyError(error, `Could not open ${id}`);
  } finally {
    files.setBusy(false);
  }
}

export function requestNewFlow(force = false): void {
  if (!force && !guardUnsaved({ action: 'new' })) return;
  useFileStore.getState().show({ kind: 'newFlow' });
}

export function createFlow(id: string, name: string, type: FlowType): void {
  useEditorStore.getState().open(newFlow(id, name, type), null);
  useFileStore.getState().close();
  useEditorStore.getState().notify({ kind: 'info', text: `New ${type} flow ${id}: add its first block.` });
}

/** Continues what the unsaved-changes dialog interrupted. */
export async function continueAfterUnsaved(then: UnsavedContinuation, save: boolean): Promise<void> {
  useFileStore.getState().close();
  if (save && !(await saveDraft())) return;
  const left = useEditorStore.getState().flow;
  const storage = browserStorage();
  // Discarded on purpose: the copy kept in the browser goes too.
  if (!save && left && storage) removeLocalDraft(storage, left.id);
  if (then.action === 'open') await openFlow(then.id, true);
  else if (then.action === 'new') requestNewFlow(true);
  else importPicker?.();
}

let importPicker: (() => void) | undefined;

/** The toolbar registers how to open the file chooser (a hidden file input). */
export function registerImportPicker(open: () => void): void {
  importPicker = open;
}

export function requestImport(): void {
  if (guardUnsaved({ action: 'import' })) importPicker?.();
}

/**
 * Saves the draft; returns true when it was written. Does nothing while a save or an open is under way.
 * Edits still waiting to apply are applied first; an edit on screen that cannot be applied refuses the
 * save, naming where it is: saving the flow without it would store something the screen does not show.
 */
export async function saveDraft(): Promise<boolean> {
  if (!useEditorStore.getState().flow || useFileStore.getState().busy) return false;
  flushEdits();
  const state = useEditorStore.getState();
  if (!state.flow) return false;
  if (hasPendingEdits(state)) {
    state.notify({ kind: 'error', text: `Not saved: ${pendingSummary(state.pending)}` });
    return false;
  }
  return writeDraft(state.flow, state.etag);
}

/** How many times in a row a save merges with a version saved meanwhile before it gives up. */
const MAX_MERGES = 3;

async function writeDraft(flow: Flow, etag: string | null, mergedWith: MergeUnit[] = []): Promise<boolean> {
  const files = useFileStore.getState();
  files.setBusy(true);
  let toSave = flow;
  let ifMatch = etag;
  const fromTheirs = [...mergedWith];
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await api.saveFlow(toSave.id, formatFlowText(toSave), ifMatch);
        useEditorStore.getState().markSaved(toSave, result.etag);
        const errors = result.problems?.filter((p) => p.severity === 'error').length ?? 0;
        const saved =
          errors > 0 ? `Draft saved with ${errors} problems to fix before publishing.` : 'Draft saved.';
        useEditorStore.getState().notify({
          kind: 'success',
          text: fromTheirs.length > 0 ? `${saved} ${mergedNote(fromTheirs)}` : saved,
        });
        void refreshFlows();
        return true;
      } catch (error) {
        const current = staleSave(error);
        if (!current || attempt >= MAX_MERGES) throw error;
        // Someone saved meanwhile: merge block by block from the version both started from. Only what
        // both changed differently is asked about; otherwise the merge is what gets saved, on their etag.
        const base = useEditorStore.getState().savedFlow;
        const merge = mergeFlows(base, toSave, current.flow);
        if (merge.conflicts.length > 0) {
          files.show({ kind: 'conflict', conflict: { theirs: current, base, mine: toSave } });
          return false;
        }
        useEditorStore.getState().rebase(current.flow, current.etag, merge.flow);
        fromTheirs.push(...merge.fromTheirs);
        toSave = useEditorStore.getState().flow ?? merge.flow;
        ifMatch = current.etag;
      }
    }
  } catch (error) {
    if (error instanceof ApiError && error.status === 422) {
      const problems = (error.details as { problems?: Problem[] }).problems ?? [];
      useEditorStore.getState().setProblems(problems);
      useEditorStore.getState().setTab('problems');
    }
    notifyError(error, 'Not saved');
    return false;
  } finally {
    files.setBusy(false);
  }
}

/** The server's current version when a save was refused as stale (412). */
function staleSave(error: unknown): { flow: Flow; etag: string } | null {
  if (!(error instanceof ApiError) || error.status !== 412) return null;
  return (error.details as { current?: { flow: Flow; etag: string } } | undefined)?.current ?? null;
}

/** "Merged with the changes saved meanwhile: blocks a, b; variable x; the flow's name." */
export function mergedNote(units: readonly MergeUnit[]): string {
  const names = (kind: MergeUnit['kind']) => [
    ...new Set(units.filter((u) => u.kind === kind).map((u) => u.key)),
  ];
  const parts: string[] = [];
  const blocks = names('block');
  const variables = names('variable');
  const notes = names('note');
  const settings = names('setting');
  if (blocks.length > 0) parts.push(`${blocks.length === 1 ? 'block' : 'blocks'} ${blocks.join(', ')}`);
  if (variables.length > 0)
    parts.push(`${variables.length === 1 ? 'variable' : 'variables'} ${variables.join(', ')}`);
  if (notes.length > 0) parts.push(`${notes.length === 1 ? 'note' : 'notes'} ${notes.join(', ')}`);
  if (settings.length > 0) parts.push(`the flow's ${settings.join(', ')}`);
  return `Merged with the changes saved meanwhile (${parts.join('; ')}).`;
}

/** Conflict: replace my edits with the server's draft (mine stay in undo history). */
export function reloadTheirs(theirs: { flow: Flow; etag: string }): void {
  const store = useEditorStore.getState();
  store.edit(() => theirs.flow);
  store.markSaved(useEditorStore.getState().flow!, theirs.etag);
  useFileStore.getState().close();
  store.notify({ kind: 'info', text: 'Reloaded the saved draft. Undo (Ctrl+Z) brings your version back.' });
}

/**
 * Conflict: save the merge, with `choices` (mine or theirs) for what both changed. Their version
 * becomes the base, so a later conflict merges from it.
 */
export async function saveMerged(
  conflict: Conflict,
  choices: Readonly<Record<string, MergeSide>>,
): Promise<boolean> {
  useFileStore.getState().close();
  const merge = mergeFlows(conflict.base, conflict.mine, conflict.theirs.flow, choices);
  const store = useEditorStore.getState();
  store.rebase(conflict.theirs.flow, conflict.theirs.etag, merge.flow);
  const flow = useEditorStore.getState().flow;
  if (!flow) return false;
  const theirs = [
    ...merge.fromTheirs,
    ...merge.conflicts.filter((c) => choices[mergeUnitId(c)] === 'theirs'),
  ];
  return writeDraft(flow, conflict.theirs.etag, theirs);
}

/** The draft kept in this browser for a flow being opened, unless it is the same as what is stored. */
function draftToOffer(
  id: string,
  flow: Flow,
  etag: string,
): { draft: LocalDraft; standing: DraftStanding } | null {
  const storage = browserStorage();
  const draft = storage && readLocalDraft(storage, id);
  if (!storage || !draft) return null;
  const standing = draftStanding(draft, { etag, text: formatFlowText(flow) }, formatFlowText);
  if (standing === 'identical') {
    removeLocalDraft(storage, id);
    return null;
  }
  return { draft, standing };
}

/**
 * Puts a draft kept in this browser back on screen, as unsaved edits of the open flow. Over a version
 * saved since, it is merged from the version it started from: without overlap the merge is shown;
 * with overlap, the draft is shown on its own base, and saving asks about the blocks both changed.
 */
export function restoreDraft(draft: LocalDraft): void {
  useFileStore.getState().close();
  const store = useEditorStore.getState();
  const when = new Date(draft.savedAt).toLocaleString();
  const stored = store.flow;
  let text = `Restored your unsaved changes of ${when}. They are not saved yet.`;
  if (!stored || stored.id !== draft.flowId) {
    store.open(draft.flow, null);
  } else if (draft.baseEtag === store.etag || !draft.base) {
    store.edit(() => draft.flow);
    if (draft.baseEtag !== store.etag)
      text = `Restored your unsaved changes of ${when}. Saving replaces the version saved since.`;
  } else {
    const merge = mergeFlows(draft.base, draft.flow, stored);
    if (merge.conflicts.length === 0) {
      store.edit(() => merge.flow);
      text = `Restored your unsaved changes of ${when}. ${mergedNote(merge.fromTheirs).replace('meanwhile', 'since')} Not saved yet.`;
    } else {
      store.open(draft.base, draft.baseEtag);
      useEditorStore.getState().edit(() => draft.flow);
      text = `Restored your unsaved changes of ${when}. The flow was saved since and you both changed ${merge.conflicts.length === 1 ? 'a part' : `${merge.conflicts.length} parts`}: saving asks which to keep.`;
    }
  }
  useEditorStore.setState({ pending: draft.pending });
  useEditorStore.getState().notify({ kind: 'info', text });
}

/** Drops the draft kept in this browser; the stored version stays open. */
export function discardDraft(draft: LocalDraft): void {
  useFileStore.getState().close();
  const storage = browserStorage();
  if (storage) removeLocalDraft(storage, draft.flowId);
  useEditorStore
    .getState()
    .notify({ kind: 'info', text: `Discarded the unsaved changes of ${draft.flowId} kept in this browser.` });
}

/** Saves unsaved changes first, then asks: what will be published (with dependencies) and a note. */
export async function publish(): Promise<void> {
  const state = useEditorStore.getState();
  if (!state.flow) return;
  if (isDirty(state) && !(await saveDraft())) return;
  const { id, name } = state.flow;
  useFileStore.getState().show({ kind: 'publishConfirm', flowId: id, flowName: name });
}

/** Publishes the saved draft the admin sees (with the drafts it needs, when asked), then says what went live. */
export async function confirmPublish(flowId: string, options: { withDependencies: boolean; note: string }) {
  const files = useFileStore.getState();
  files.setBusy(true);
  try {
    const result = await api.publish(flowId, {
      withDependencies: options.withDependencies,
      note: options.note.trim(),
      etag: useEditorStore.getState().etag,
    });
    files.show({
      kind: 'publish',
      version: result.version,
      problems: result.problems ?? [],
      blocked: false,
      alsoPublished: (result.published ?? []).filter((p) => p.flowId !== flowId),
    });
    void refreshFlows();
  } catch (error) {
    if (
      error instanceof ApiError &&
      (error.code === 'publish_blocked' || error.code === 'dependencies_not_published')
    ) {
      const problems = (error.details as { problems?: Problem[] }).problems ?? [];
      files.show({ kind: 'publish', problems, blocked: true });
      return;
    }
    files.close();
    notifyError(error, 'Not published');
  } finally {
    files.setBusy(false);
  }
}

export function exportFlow(): void {
  const { flow } = useEditorStore.getState();
  if (flow) downloadText(`${flow.id}.flow.json`, formatFlowText(flow));
}

/** Outcome of reading a flow file chosen by the user. */
export type ImportResult = { ok: true; flow: Flow } | { ok: false; problems: Problem[] };

/** Reads a flow file: refused when it is not JSON or breaks the schema; lint problems do not block. */
export function readFlowFile(text: string): ImportResult {
  const { flow, problems } = checkText(text);
  const blocking = problems.filter((p) => p.severity === 'error' && /^CF[01]/.test(p.code));
  if (!flow || blocking.length > 0) return { ok: false, problems: blocking.length > 0 ? blocking : problems };
  return { ok: true, flow };
}

export async function importFlowFile(file: File): Promise<void> {
  const result = readFlowFile(await file.text());
  if (!result.ok) {
    useFileStore.getState().show({ kind: 'import', fileName: file.name, problems: result.problems });
    return;
  }
  const existing = useEditorStore.getState().flows.find((f) => f.id === result.flow.id);
  const store = useEditorStore.getState();
  // An imported flow is an unsaved edit: saving replaces the server's draft of the same id, if any.
  store.open(result.flow, null);
  if (existing) useEditorStore.setState({ etag: existing.etag });
  store.notify({
    kind: 'info',
    text: existing
      ? `Imported ${file.name}. Saving replaces the draft of ${existing.id}.`
      : `Imported ${file.name} as a new flow.`,
  });
}
