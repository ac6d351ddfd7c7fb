/**
 * Where resources and flows are used, and the renames and deletions that keep every use in step
 * (docs/api.md "Where used, renames and deletions").
 */
import type { ResourceReferenceKind, Usage } from '@callflow/model';
import { type ApiOptions, createRequest } from '../api/request';

export interface UsageAnswer {
  kind: string;
  name: string;
  usages: Usage[];
  /** Files that could not be read: their uses are unknown. */
  unreadable: string[];
}

/** One file a rename changes, as the preview shows it. */
export interface RenameFile {
  file: string;
  kind: 'resources' | 'flow' | 'test';
  flowId?: string;
  etag: string;
  before: string;
  after: string;
  edits: { file: string; path: string; from: string; to: string; key?: true }[];
}

export interface RenamePreview {
  kind: ResourceReferenceKind;
  from: string;
  to: string;
  files: RenameFile[];
  unreadable: string[];
}

export function createUsageCalls(options: ApiOptions = {}) {
  const call = createRequest(options);
  const entryPath = (kind: ResourceReferenceKind, name: string) =>
    `/api/resources/${encodeURIComponent(kind)}/${encodeURIComponent(name)}`;
  return {
    resourceUsages: async (kind: ResourceReferenceKind, name: string) =>
      (await call<UsageAnswer>('GET', `${entryPath(kind, name)}/usages`)).body,
    flowUsages: async (id: string) =>
      (await call<UsageAnswer>('GET', `/api/flows/${encodeURIComponent(id)}/usages`)).body,
    previewRename: async (kind: ResourceReferenceKind, from: string, to: string) =>
      (
        await call<RenamePreview>('POST', `${entryPath(kind, from)}/rename-preview`, {
          body: JSON.stringify({ to }),
        })
      ).body,
    /** Applies the previewed rename; 412 `rename_conflict` when any file changed since the preview. */
    rename: async (preview: RenamePreview) =>
      (
        await call<{ files: { file: string; etag: string }[] }>(
          'POST',
          `${entryPath(preview.kind, preview.from)}/rename`,
          {
            body: JSON.stringify({
              to: preview.to,
              etags: Object.fromEntries(preview.files.map((f) => [f.file, f.etag])),
            }),
          },
        )
      ).body,
    /** `force` deletes an entry still in use (the admin confirmed); otherwise 409 `resource_in_use`. */
    deleteResource: async (kind: ResourceReferenceKind, name: string, etag: string, force: boolean) =>
      (
        await call<{ etag: string; usages: Usage[] }>(
          'DELETE',
          `${entryPath(kind, name)}${force ? '?force=true' : ''}`,
          { headers: { 'If-Match': etag } },
        )
      ).body,
  };
}

export type UsageCalls = ReturnType<typeof createUsageCalls>;

let calls: UsageCalls = createUsageCalls();

export function usageCalls(): UsageCalls {
  return calls;
}

/** For tests with a fake server. */
export function setUsageCalls(replacement: UsageCalls): void {
  calls = replacement;
}
