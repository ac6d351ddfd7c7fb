/**
 * Loading and saving resources.json from the Center area. A save sends the whole document with the
 * etag it was loaded as; when someone saved meanwhile (412) the two are merged entry by entry from
 * the version both started from, as flows merge block by block: without overlap the merge is saved at
 * once, otherwise only the entries both changed are asked about.
 */
import {
  type MergeSide,
  mergeResources,
  type Problem,
  type Resources,
  type ResourcesMergeUnit,
} from '@callflow/model';
import { ApiError, api } from '../api/client';
import { useEditorStore } from '../store/flow-store';
import { type ResourcesConflict, useCenterStore } from './center-store';
import { kindInfo } from './resource-kinds';

const MAX_MERGES = 3;

function notify(kind: 'info' | 'success' | 'error', text: string): void {
  useEditorStore.getState().notify({ kind, text });
}

export async function loadCenter(): Promise<void> {
  try {
    const { resources, etag } = await api.getResourcesDocument();
    if (resources) useCenterStore.getState().load(resources, etag);
  } catch (error) {
    notify('error', `Could not load resources: ${describe(error)}`);
  }
}

/** Saves the document on screen; true once stored. */
export async function saveCenter(): Promise<boolean> {
  const store = useCenterStore.getState();
  if (!store.resources || store.busy) return false;
  store.setBusy(true);
  let toSave = store.resources;
  let ifMatch = store.etag;
  const fromTheirs: ResourcesMergeUnit[] = [];
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await api.saveResources(toSave, ifMatch);
        stored(toSave, result.etag);
        notify(
          'success',
          fromTheirs.length > 0 ? `Resources saved. ${mergedNote(fromTheirs)}` : 'Resources saved.',
        );
        return true;
      } catch (error) {
        const current = staleSave(error);
        if (!current || attempt >= MAX_MERGES) throw error;
        const base = useCenterStore.getState().saved;
        const merge = mergeResources(base, toSave, current.resources);
        if (merge.conflicts.length > 0) {
          useCenterStore.getState().setConflict({ theirs: current, base, mine: toSave });
          return false;
        }
        useCenterStore.getState().edit(() => merge.resources);
        useCenterStore.getState().markSaved(current.resources, current.etag);
        fromTheirs.push(...merge.fromTheirs);
        toSave = merge.resources;
        ifMatch = current.etag;
      }
    }
  } catch (error) {
    if (error instanceof ApiError && error.status === 422) {
      const problems = (error.details as { problems?: Problem[] }).problems ?? [];
      const first = problems[0];
      notify(
        'error',
        `Not saved: ${problems.length} problems${first ? ` (${first.code} at ${first.path})` : ''}.`,
      );
    } else notify('error', `Not saved: ${describe(error)}`);
    return false;
  } finally {
    useCenterStore.getState().setBusy(false);
  }
}

/** Conflict settled: saves the merge with a choice (mine or theirs) per entry both changed. */
export async function saveMergedResources(
  conflict: ResourcesConflict,
  choices: Readonly<Record<string, MergeSide>>,
): Promise<boolean> {
  const store = useCenterStore.getState();
  store.setConflict(null);
  const merge = mergeResources(conflict.base, conflict.mine, conflict.theirs.resources, choices);
  store.edit(() => merge.resources);
  store.markSaved(conflict.theirs.resources, conflict.theirs.etag);
  return saveCenter();
}

/** Conflict: take the stored file instead (my version stays in the undo history). */
export function reloadTheirResources(conflict: ResourcesConflict): void {
  const store = useCenterStore.getState();
  store.setConflict(null);
  store.edit(() => conflict.theirs.resources);
  store.markSaved(conflict.theirs.resources, conflict.theirs.etag);
  notify('info', 'Reloaded the saved resources. Undo (Ctrl+Z) brings your version back.');
}

function stored(resources: Resources, etag: string): void {
  useCenterStore.getState().markSaved(resources, etag);
  // Flows are linted against the resources: the designer's copy follows the save at once.
  useEditorStore.getState().setResources(resources);
}

function staleSave(error: unknown): { resources: Resources; etag: string } | null {
  if (!(error instanceof ApiError) || error.status !== 412) return null;
  const current = (error.details as { current?: { resources: Resources | null; etag: string } }).current;
  return current?.resources ? { resources: current.resources, etag: current.etag } : null;
}

/** "Merged with the changes saved meanwhile (queue sales; number main; account)." */
export function mergedNote(units: readonly ResourcesMergeUnit[]): string {
  const parts = units.map((u) => (u.kind === 'setting' ? u.key : `${kindInfo(u.kind).one} ${u.key}`));
  return `Merged with the changes saved meanwhile (${parts.join('; ')}).`;
}

function describe(error: unknown): string {
  return error instanceof ApiError ? `${error.message} (${error.code})` : String(error);
}
