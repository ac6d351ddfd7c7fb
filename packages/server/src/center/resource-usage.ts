import {
  type Flow,
  formatFlowTest,
  ownEntry,
  planRename,
  RESOURCE_SECTIONS,
  type RenameEdit,
  type ResourceReferenceKind,
  type Resources,
  renameRefusal,
  type TestDocument,
  type Usage,
  type UsageTarget,
  whereUsed,
} from '@callflow/model';
import { apiError } from '../http/api-error.js';
import type { EventBus } from '../ops/event-bus.js';
import { formatFlowText, formatResourcesText } from '../store/flow-checks.js';
import { assertFlowId, type FlowStore } from '../store/flow-store.js';

/** A file a rename changes: its etag now (send it back to apply), its text before and after, the edits. */
export interface RenameFile {
  file: string;
  kind: 'resources' | 'flow' | 'test';
  flowId?: string;
  etag: string;
  before: string;
  after: string;
  edits: RenameEdit[];
}

/** Everything a where-used answer or a rename reads, from disk, with each file's etag. */
interface Snapshot {
  flows: Flow[];
  flowText: Map<string, { etag: string; text: string }>;
  resources: Resources;
  resourcesEtag: string;
  resourcesText: string;
  tests: (TestDocument & { etag: string; text: string })[];
  /** Files that could not be read: their uses are unknown. */
  unreadable: string[];
}

/**
 * Where resources and flows are used, and the changes that must reach every use at once: renames
 * (previewed, then written across the resources file, the flows and their tests together) and deletions
 * (refused while something uses the entry, unless confirmed).
 */
export class ResourceUsage {
  constructor(
    private readonly store: FlowStore,
    private readonly events: EventBus,
  ) {}

  async usages(target: UsageTarget): Promise<{ usages: Usage[]; unreadable: string[] }> {
    if (target.kind === 'flow') assertFlowId(target.name);
    const snap = await this.#snapshot(target.kind !== 'flow');
    if (target.kind !== 'flow') this.#assertEntry(snap.resources, target.kind, target.name);
    else if (!this.store.has(target.name))
      throw apiError('flow_not_found', `There is no flow "${target.name}".`, { id: target.name });
    return { usages: this.#whereUsed(snap, target), unreadable: snap.unreadable };
  }

  /** What renaming would change, file by file; nothing is written. */
  async previewRename(kind: ResourceReferenceKind, from: string, to: string) {
    const snap = await this.#snapshot(true);
    return { ...this.#plan(snap, kind, from, to), unreadable: snap.unreadable };
  }

  /**
   * Writes the rename when every file it changes is still the version of the preview (`etags`, by
   * file), all files together; otherwise answers rename_conflict and writes nothing.
   */
  async applyRename(kind: ResourceReferenceKind, from: string, to: string, etags: Record<string, string>) {
    const snap = await this.#snapshot(true);
    const { files } = this.#plan(snap, kind, from, to);
    const sent = Object.keys(etags);
    const conflicts = [
      ...files
        .filter((f) => ownEntry(etags, f.file) !== f.etag)
        .map((f) => ({ file: f.file, expected: ownEntry(etags, f.file) ?? null, current: f.etag })),
      // A use that went away since the preview: the preview no longer says what would be written.
      ...sent
        .filter((file) => !files.some((f) => f.file === file))
        .map((file) => ({ file, expected: etags[file] ?? null, current: null })),
    ];
    if (conflicts.length === 0) {
      const result = await this.store.writeTogether(
        files.map((f) => ({ file: f.file, text: f.after, etag: f.etag })),
      );
      if ('etags' in result) {
        for (const f of files) {
          const etag = result.etags[f.file]!;
          if (f.kind === 'resources') this.events.publish({ type: 'resources.saved', etag });
          else if (f.kind === 'flow') this.events.publish({ type: 'flow.saved', flowId: f.flowId, etag });
          else this.events.publish({ type: 'flow.tests.saved', flowId: f.flowId, file: f.file, etag });
        }
        return { files: files.map((f) => ({ file: f.file, etag: result.etags[f.file]! })) };
      }
      conflicts.push(...result.conflicts);
    }
    throw apiError(
      'rename_conflict',
      'Files the rename changes were saved since the preview (or its uses changed); nothing was written. Preview again.',
      { conflicts },
    );
  }

  /**
   * Removes a resource entry. While flows, tests or other entries use it the answer is resource_in_use
   * with the list, unless `force` (the designer asked the admin first); then those uses are left
   * dangling and lint reports them.
   */
  async deleteResource(
    kind: ResourceReferenceKind,
    name: string,
    options: { ifMatch?: string; force: boolean },
  ) {
    if (!options.ifMatch)
      throw apiError('precondition_required', 'Send If-Match with the etag of the resources you read.');
    const snap = await this.#snapshot(true);
    this.#assertEntry(snap.resources, kind, name);
    const usages = this.#whereUsed(snap, { kind, name });
    if (usages.length > 0 && !options.force) {
      throw apiError(
        'resource_in_use',
        `The ${kind} "${name}" is used in ${usages.length} place(s); nothing was deleted. Change them first, or confirm with force=true.`,
        { kind, name, usages },
      );
    }
    const next = structuredClone(snap.resources);
    const section = next[RESOURCE_SECTIONS[kind]] as unknown as Record<string, unknown>;
    delete section[name];
    const { etag } = await this.store.saveResources(next, { ifMatch: options.ifMatch });
    this.events.publish({ type: 'resources.saved', etag });
    return { etag, usages };
  }

  /** Whether a flow is used by others: delete-flow asks first (flow_in_use) unless confirmed. */
  async assertFlowUnused(id: string): Promise<void> {
    const snap = await this.#snapshot(false);
    const usages = this.#whereUsed(snap, { kind: 'flow', name: id }).filter(
      (u) => u.flowId !== id || u.file === this.store.resourcesName,
    );
    if (usages.length > 0) {
      throw apiError(
        'flow_in_use',
        `Flow "${id}" is used in ${usages.length} place(s); nothing was deleted. Change them first, or confirm with force=true.`,
        { id, usages },
      );
    }
  }

  #whereUsed(snap: Snapshot, target: UsageTarget): Usage[] {
    return whereUsed(target, snap.flows, snap.resources, this.store.resourcesName, snap.tests);
  }

  #assertEntry(resources: Resources, kind: ResourceReferenceKind, name: string): void {
    if (ownEntry(resources[RESOURCE_SECTIONS[kind]] as Record<string, unknown>, name) === undefined) {
      throw apiError(
        'resource_not_found',
        `There is no ${kind} "${name.slice(0, 80)}" in the resources file.`,
        {
          kind,
          name: name.slice(0, 80),
        },
      );
    }
  }

  #plan(snap: Snapshot, kind: ResourceReferenceKind, from: string, to: string) {
    const refusal = renameRefusal(kind, from, to, snap.resources);
    if (refusal) {
      const details = { kind, from: from.slice(0, 80), to: String(to).slice(0, 80) };
      // Each code written out, so the catalogue's check sees every code this answers with.
      if (refusal.code === 'invalid_resource_name')
        throw apiError('invalid_resource_name', refusal.message, details);
      if (refusal.code === 'resource_name_taken')
        throw apiError('resource_name_taken', refusal.message, details);
      throw apiError('resource_not_found', refusal.message, details);
    }
    const plan = planRename(kind, from, to, {
      flows: snap.flows,
      resources: snap.resources,
      resourcesFile: this.store.resourcesName,
      tests: snap.tests,
    });
    const editsOf = (file: string) => plan.edits.filter((e) => e.file === file);
    const files: RenameFile[] = [];
    files.push({
      file: this.store.resourcesName,
      kind: 'resources',
      etag: snap.resourcesEtag,
      before: snap.resourcesText,
      after: formatResourcesText(plan.resources),
      edits: editsOf(this.store.resourcesName),
    });
    for (const flow of plan.flows) {
      const file = `${flow.id}.flow.json`;
      const stored = snap.flowText.get(flow.id)!;
      files.push({
        file,
        kind: 'flow',
        flowId: flow.id,
        etag: stored.etag,
        before: stored.text,
        after: formatFlowText(flow),
        edits: editsOf(file),
      });
    }
    for (const test of plan.tests) {
      const original = snap.tests.find((t) => t.file === test.file)!;
      const flowId = (test.doc as { flow?: unknown }).flow;
      files.push({
        file: test.file,
        kind: 'test',
        ...(typeof flowId === 'string' ? { flowId } : {}),
        etag: original.etag,
        before: original.text,
        after: formatFlowTest(test.doc),
        edits: editsOf(test.file),
      });
    }
    return { kind, from, to, files };
  }

  async #snapshot(needResources: boolean): Promise<Snapshot> {
    const [stored, resources, tests] = await Promise.all([
      this.store.list(),
      this.store.getResources(),
      this.store.testDocuments(),
    ]);
    if (needResources && !resources.resources) {
      throw apiError(
        'resources_unreadable',
        'The resources file cannot be read (see /healthz); fix it on disk first. Nothing was changed.',
        { problems: resources.problems },
      );
    }
    const flows: Flow[] = [];
    const flowText = new Map<string, { etag: string; text: string }>();
    const unreadable: string[] = [];
    for (const s of stored) {
      if (!s.flow) {
        unreadable.push(`${s.id}.flow.json`);
        continue;
      }
      flows.push(s.flow);
      flowText.set(s.id, { etag: s.etag, text: s.text });
    }
    for (const t of tests) if (t.doc === undefined) unreadable.push(t.file);
    return {
      flows,
      flowText,
      resources: resources.resources ?? ({} as Resources),
      resourcesEtag: resources.etag ?? '',
      resourcesText: resources.text ?? '',
      tests: tests
        .filter((t) => t.doc !== undefined)
        .map((t) => ({ file: t.file, doc: t.doc, etag: t.etag, text: t.text })),
      unreadable,
    };
  }
}
