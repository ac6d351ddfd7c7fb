/**
 * Creating, renaming and deleting resource entries (a queue, a number, a prompt…). Each action is a
 * pure change of the resources document plus the store call that applies it as one undoable edit.
 * These change the entry itself only: the Center's Rename and Delete go through the dialogs of
 * usage/ (RenameEntryDialog, DeleteEntryDialog), which reach or list every flow that names it.
 */
import { type ResourceKind, type Resources, resourceNameProblem } from '@callflow/model';
import { useCenterStore } from './center-store';
import { newEntry } from './resource-kinds';

export type EntryNameCheck = { ok: true } | { ok: false; code: string; message: string };

/** Why `name` cannot be the name of a new or renamed entry of `kind`; ok when it can. */
export function checkEntryName(resources: Resources, kind: ResourceKind, name: string): EntryNameCheck {
  const problem = resourceNameProblem(name);
  if (problem) return { ok: false, ...problem };
  if (Object.hasOwn(resources[kind], name))
    return {
      ok: false,
      code: 'CF001',
      message: `"${name}" is already taken: a resources file names each entry of a kind once.`,
    };
  return { ok: true };
}

export function withEntry(resources: Resources, kind: ResourceKind, name: string, entry: unknown): Resources {
  return { ...resources, [kind]: { ...resources[kind], [name]: entry } };
}

/** Renames in place: the entry keeps its place in the file's order. */
export function withEntryRenamed(
  resources: Resources,
  kind: ResourceKind,
  from: string,
  to: string,
): Resources {
  const entries: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(resources[kind])) entries[name === from ? to : name] = entry;
  return { ...resources, [kind]: entries };
}

export function withoutEntry(resources: Resources, kind: ResourceKind, name: string): Resources {
  const { [name]: _removed, ...rest } = resources[kind] as Record<string, unknown>;
  return { ...resources, [kind]: rest };
}

/** Adds a new entry with the kind's starting values and shows it. */
export function createEntry(kind: ResourceKind, name: string): EntryNameCheck {
  const store = useCenterStore.getState();
  if (!store.resources) return { ok: false, code: 'CF006', message: 'The resources are not loaded.' };
  const check = checkEntryName(store.resources, kind, name);
  if (!check.ok) return check;
  store.edit((r) => withEntry(r, kind, name, newEntry(kind, r)));
  store.select({ kind, name });
  return check;
}

export function renameEntry(kind: ResourceKind, from: string, to: string): EntryNameCheck {
  const store = useCenterStore.getState();
  if (!store.resources) return { ok: false, code: 'CF006', message: 'The resources are not loaded.' };
  if (from === to) return { ok: true };
  const check = checkEntryName(store.resources, kind, to);
  if (!check.ok) return check;
  store.edit((r) => withEntryRenamed(r, kind, from, to));
  store.select({ kind, name: to });
  return check;
}

export function deleteEntry(kind: ResourceKind, name: string): void {
  const store = useCenterStore.getState();
  store.edit((r) => withoutEntry(r, kind, name));
  store.select(null);
}
