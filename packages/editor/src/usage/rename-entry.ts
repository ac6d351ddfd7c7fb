/**
 * A rename of a saved resource entry reaches every flow and test that names it, in one change on the
 * service (previewed first). The Center area's unsaved edits would be overwritten by it, so they are
 * saved first; an entry that was never saved is only in the browser and is renamed there.
 */
import type { ResourceKind } from '@callflow/model';
import { ApiError } from '../api/client';
import { loadCenter, saveCenter } from '../center/center-save';
import { isCenterDirty, useCenterStore } from '../center/center-store';
import { renameEntry } from '../center/resource-actions';
import { openFlow, refreshFlows } from '../files/file-actions';
import { isDirty, useEditorStore } from '../store/flow-store';
import { referenceKindOf } from './entry-kinds';
import { type RenamePreview, usageCalls } from './usage-calls';

export type RenameStart =
  | { kind: 'preview'; preview: RenamePreview }
  | { kind: 'local' }
  | { kind: 'unsaved' }
  | { kind: 'error'; code: string; message: string };

export function describeError(error: unknown): { code: string; message: string } {
  return error instanceof ApiError
    ? { code: error.code, message: error.message }
    : { code: 'error', message: String(error) };
}

/** Whether the entry exists in the saved file (a new one lives only in the Center's edits). */
export function isSavedEntry(kind: ResourceKind, name: string): boolean {
  const saved = useCenterStore.getState().saved;
  return saved !== null && Object.hasOwn(saved[kind], name);
}

export async function startRename(kind: ResourceKind, from: string, to: string): Promise<RenameStart> {
  if (!isSavedEntry(kind, from)) {
    const local = renameEntry(kind, from, to);
    return local.ok ? { kind: 'local' } : { kind: 'error', code: local.code, message: local.message };
  }
  if (isCenterDirty(useCenterStore.getState())) return { kind: 'unsaved' };
  try {
    return { kind: 'preview', preview: await usageCalls().previewRename(referenceKindOf(kind), from, to) };
  } catch (error) {
    return { kind: 'error', ...describeError(error) };
  }
}

/** Saves the Center's edits, then previews. */
export async function saveThenRename(kind: ResourceKind, from: string, to: string): Promise<RenameStart> {
  return (await saveCenter()) ? startRename(kind, from, to) : { kind: 'unsaved' };
}

export type RenameOutcome =
  | { kind: 'done'; files: number }
  | { kind: 'conflict'; preview: RenamePreview | null; message: string }
  | { kind: 'error'; code: string; message: string };

/**
 * Applies a previewed rename. Afterwards the Center shows the renamed entry, the flow list and the
 * open flow follow (reloaded when it has no unsaved edits, so its checks run with the new name).
 */
export async function applyRename(section: ResourceKind, preview: RenamePreview): Promise<RenameOutcome> {
  try {
    const { files } = await usageCalls().rename(preview);
    // The old name is gone from the file: nothing may show it while the file is read again.
    useCenterStore.getState().select(null);
    await loadCenter();
    useCenterStore.getState().select({ kind: section, name: preview.to });
    await refreshFlows();
    const editor = useEditorStore.getState();
    const open = editor.flow;
    if (open && preview.files.some((f) => f.kind === 'flow' && f.flowId === open.id)) {
      if (!isDirty(editor)) await openFlow(open.id, true);
      else
        editor.notify({
          kind: 'error',
          text: `${open.id} was changed by the rename: save shows what changed.`,
        });
    }
    useEditorStore.getState().notify({
      kind: 'success',
      text: `Renamed ${preview.kind} ${preview.from} to ${preview.to} in ${files.length} files.`,
    });
    return { kind: 'done', files: files.length };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'rename_conflict') {
      // Someone saved a file meanwhile: show what the rename would do now.
      const again = await usageCalls()
        .previewRename(preview.kind, preview.from, preview.to)
        .catch(() => null);
      return { kind: 'conflict', preview: again, message: error.message };
    }
    return { kind: 'error', ...describeError(error) };
  }
}
