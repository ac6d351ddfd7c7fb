/** Field edits of one entry, applied through the Center store (so each is undoable). */
import type { ResourceKind, Resources } from '@callflow/model';
import { useCenterStore } from './center-store';

/** Sets (or, with undefined, removes) one field of an entry; typing in one field is one undo step. */
export function setEntryField(kind: ResourceKind, name: string, key: string, value: unknown): void {
  useCenterStore.getState().edit((r) => withEntryField(r, kind, name, key, value), `${kind}/${name}/${key}`);
}

export function withEntryField(
  resources: Resources,
  kind: ResourceKind,
  name: string,
  key: string,
  value: unknown,
): Resources {
  const entries = resources[kind] as unknown as Record<string, Record<string, unknown>>;
  const entry = entries[name];
  if (!entry) return resources;
  const next = { ...entry };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return { ...resources, [kind]: { ...entries, [name]: next } };
}

/** Sets one account setting (removed with undefined). */
export function setAccountField(key: string, value: unknown): void {
  useCenterStore.getState().edit((r) => {
    const account = { ...r.account } as Record<string, unknown>;
    if (value === undefined) delete account[key];
    else account[key] = value;
    return { ...r, account: account as unknown as Resources['account'] };
  }, `account/${key}`);
}
