import { type Flow, type Problem, type Resources, unpublishedDependencyProblems } from '@callflow/model';
import { apiError } from '../http/api-error.js';
import type { EventBus } from '../ops/event-bus.js';
import type { ServiceMetrics } from '../ops/metrics.js';
import type { Preconditions } from '../store/document-files.js';
import { ifMatchSatisfied } from '../store/etag.js';
import {
  checkFlowForPublish,
  checkFlowTestDocument,
  flowSchemaProblems,
  upgradeFlow,
} from '../store/flow-checks.js';
import { assertFlowId, type FlowStore, type StoredFlow } from '../store/flow-store.js';
import { assertTestFileName } from '../store/flow-tests.js';
import { KeyedMutex } from '../store/keyed-mutex.js';
import type { PublishedFlow, PublishedVersions } from '../store/published-versions.js';
import { type ClosureEntry, dependencyClosure } from './dependency-closure.js';

export interface FlowListItem {
  id: string;
  name: string | null;
  type: string | null;
  etag: string;
  live: number | null;
  latest: number | null;
  errors: number;
  warnings: number;
}

const countBy = (problems: readonly Problem[], severity: Problem['severity']): number =>
  problems.filter((p) => p.severity === severity).length;

export interface PublishOptions {
  /** The etag of the draft the admin sees; another one refuses the publish (412). */
  ifMatch?: string;
  /** Also publish the drafts of the flows it needs that have no live version, in the same step. */
  withDependencies?: boolean;
  /** Why this version: kept with it (and with each dependency published along). */
  note?: string;
}

export interface PublishResult {
  /** The version of the flow asked for. */
  version: number;
  /** Its warnings (errors refuse the publish). */
  problems: Problem[];
  /** Every flow made live by this publish, the one asked for first. */
  published: { flowId: string; version: number }[];
  note: string | null;
}

/** How a dependency is shown in API answers. */
export function dependencyView(entry: ClosureEntry) {
  return {
    flowId: entry.flowId,
    live: entry.live,
    exists: entry.hasDraft,
    neededBy: entry.neededBy.map(({ fromFlowId, blockId, path, via }) => ({
      flowId: fromFlowId,
      blockId,
      path,
      via,
    })),
  };
}

/** Drafts (files), published versions (SQLite) and the checks between them. */
export class FlowService {
  readonly #publishing = new KeyedMutex();
  /** Problems per flow etag, valid while the resources and the set of flows are unchanged. */
  readonly #problemCache = new Map<string, { context: string; problems: Problem[] }>();

  constructor(
    readonly store: FlowStore,
    readonly published: PublishedVersions,
    private readonly events: EventBus,
    private readonly metrics: ServiceMetrics,
  ) {}

  async list(): Promise<FlowListItem[]> {
    const [flows, context] = await Promise.all([this.store.list(), this.#context()]);
    const versions = this.published.summaries();
    return flows.map((stored) => {
      const problems = this.#problemsOf(stored, context);
      const v = versions.get(stored.id);
      return {
        id: stored.id,
        name: typeof stored.flow?.name === 'string' ? stored.flow.name : null,
        type: typeof stored.flow?.type === 'string' ? stored.flow.type : null,
        etag: stored.etag,
        live: v?.live ?? null,
        latest: v?.latest ?? null,
        errors: countBy(problems, 'error'),
        warnings: countBy(problems, 'warning'),
      };
    });
  }

  async get(id: string): Promise<StoredFlow & { flow: Flow }> {
    const stored = await this.store.get(id);
    if (!stored) throw apiError('flow_not_found', `There is no flow "${id}".`, { id });
    if (!stored.flow) {
      throw apiError(
        'flow_unreadable',
        `The file of flow "${id}" is not valid JSON (a merge conflict?). Fix it on disk or overwrite it with If-Match.`,
        { id, etag: stored.etag, problems: stored.problems },
      );
    }
    return stored as StoredFlow & { flow: Flow };
  }

  /** Saves a draft: schema errors refuse it (nothing written); lint problems are returned, not blocking. */
  async save(id: string, body: unknown, preconditions: Preconditions) {
    assertFlowId(id);
    const bodyId = (body as { id?: unknown }).id;
    if (bodyId !== id) {
      throw apiError('id_mismatch', `The flow's id "${String(bodyId)}" differs from the URL's "${id}".`, {
        id,
        bodyId: bodyId ?? null,
      });
    }
    // Read as `callflow validate` reads a file: an older format version is upgraded (and saved upgraded).
    const upgraded = upgradeFlow(body);
    const schemaProblems =
      upgraded.value === undefined ? upgraded.problems : flowSchemaProblems(upgraded.value);
    if (schemaProblems.some((p) => p.severity === 'error')) {
      throw apiError('invalid_flow', 'The flow does not match the flow schema; nothing was saved.', {
        problems: schemaProblems,
      });
    }
    const flow = upgraded.value as Flow;
    const { etag, created } = await this.store.save(id, flow, preconditions);
    const problems = checkFlowForPublish(flow, await this.#context());
    this.events.publish({ type: 'flow.saved', flowId: id, etag });
    return { etag, created, problems };
  }

  /**
   * Saves one scenario test file of a flow (the designer's "Save as test" writes the whole document
   * back). Schema errors refuse it (nothing written); it is written in canonical form.
   */
  async saveTest(id: string, file: string, body: Record<string, unknown>, preconditions: Preconditions) {
    assertFlowId(id);
    assertTestFileName(file);
    if (!this.store.has(id)) throw apiError('flow_not_found', `There is no flow "${id}".`, { id });
    const bodyFlow = body.flow;
    if (bodyFlow !== id) {
      throw apiError('id_mismatch', `The test's flow "${String(bodyFlow)}" differs from the URL's "${id}".`, {
        id,
        bodyFlow: bodyFlow ?? null,
      });
    }
    const { text, problems } = checkFlowTestDocument(body, file);
    if (problems.some((p) => p.severity === 'error')) {
      throw apiError('invalid_test', 'The test does not match the flow test schema; nothing was saved.', {
        problems,
      });
    }
    const { etag, created } = await this.store.saveTest(file, text, preconditions);
    this.events.publish({ type: 'flow.tests.saved', flowId: id, file, etag });
    return { etag, created, problems };
  }

  async remove(id: string, preconditions: Preconditions): Promise<void> {
    await this.store.remove(id, preconditions);
    this.events.publish({ type: 'flow.deleted', flowId: id });
  }

  async validate(id: string, body: unknown): Promise<Problem[]> {
    assertFlowId(id);
    const flow = body === undefined ? (await this.get(id)).flow : body;
    const schemaProblems = flowSchemaProblems(flow);
    if (schemaProblems.some((p) => p.severity === 'error')) return schemaProblems;
    return checkFlowForPublish(flow as Flow, await this.#context());
  }

  /**
   * Makes these flows live in one transaction, without the checks of `publish` (the caller checked
   * them: the first start of a data directory).
   */
  publishOnStart(list: readonly Flow[], publishedBy: string, note: string, now: Date) {
    const published = this.published.publishAll(list, publishedBy, note, now);
    this.metrics.publishTotal.inc(published.length);
    return published;
  }

  /** The dependency closure of a flow that may not be saved yet (see `dependencies`). */
  closureOf(flow: Flow): Promise<ClosureEntry[]> {
    return this.#closure(flow);
  }

  /** The flows this flow needs at run time (transitively), each with its live version or none. */
  async dependencies(id: string): Promise<ClosureEntry[]> {
    const stored = await this.get(id);
    return this.#closure(stored.flow);
  }

  /**
   * Publishes the saved draft. `ifMatch` (optional) makes sure the admin publishes the draft they see,
   * not one a colleague saved a second ago. Every flow the draft needs at run time must be live, or
   * be published with it (`withDependencies`: the drafts that have no live version, each checked, all
   * made live in one transaction or none). Drafts of dependencies that are already live are left as
   * they are: publishing one flow never changes what another live flow runs beyond what it lacks.
   */
  publish(id: string, publishedBy: string, options: PublishOptions = {}): Promise<PublishResult> {
    // One publish at a time: two admins publishing flows that share a dependency must not both make it v1.
    return this.#publishing.run('publish', () => this.#publish(id, publishedBy, options));
  }

  async #publish(id: string, publishedBy: string, options: PublishOptions): Promise<PublishResult> {
    const stored = await this.get(id);
    if (options.ifMatch && !ifMatchSatisfied(options.ifMatch, stored.etag)) {
      throw apiError('version_mismatch', 'The draft changed since you loaded it; nothing was published.', {
        current: { flow: stored.flow, etag: stored.etag },
      });
    }
    const context = await this.#context();
    const problems = checkFlowForPublish(stored.flow, context);
    if (problems.some((p) => p.severity === 'error')) {
      throw apiError('publish_blocked', 'The flow has errors; fix them before publishing.', {
        problems,
      });
    }
    // The drafts published along are exactly those the closure was computed from (a save in between
    // could otherwise bring in a dependency nobody checked).
    const drafts = new Map<string, Flow>();
    const unpublished = (await this.#closure(stored.flow, drafts)).filter((entry) => entry.live === null);
    if (unpublished.length > 0 && !options.withDependencies) {
      const names = unpublished.map((entry) => `"${entry.flowId}"`).join(', ');
      throw apiError(
        'dependencies_not_published',
        `Flow "${id}" needs flows that have no live version (${names}); calls would reach them. Publish them first, or publish with dependencies. Nothing was published.`,
        {
          unpublished: unpublished.map(dependencyView),
          problems: unpublishedDependencyProblems(id, unpublished),
        },
      );
    }
    const dependencies = this.#checkedDependencies(id, unpublished, drafts, context);
    const published = this.published.publishAll(
      [stored.flow, ...dependencies],
      publishedBy,
      options.note ?? null,
    );
    for (const version of published) {
      this.metrics.publishTotal.inc();
      this.events.publish({ type: 'flow.published', flowId: version.flowId, version: version.version });
    }
    return {
      version: published[0]?.version ?? 0,
      problems,
      published: published.map((v) => ({ flowId: v.flowId, version: v.version })),
      note: options.note ?? null,
    };
  }

  /** The drafts of the dependencies to publish, each checked; any error refuses them all. */
  #checkedDependencies(
    rootId: string,
    unpublished: readonly ClosureEntry[],
    drafts: ReadonlyMap<string, Flow>,
    context: { resources?: Resources; flows: Flow[] },
  ): Flow[] {
    const flows: Flow[] = [];
    const blocked: { flowId: string; problems: Problem[] }[] = [];
    for (const entry of unpublished) {
      const draft = drafts.get(entry.flowId);
      // No draft to publish (deleted, or not JSON): the blocks that need it are the problem.
      const problems = draft
        ? checkFlowForPublish(draft, context).map((p) => ({ ...p, file: `${entry.flowId}.flow.json` }))
        : unpublishedDependencyProblems(rootId, [entry]).map((p) => ({
            ...p,
            message: `${p.message} Its file ${this.store.has(entry.flowId) ? 'is not valid JSON' : 'does not exist'}, so it cannot be published.`,
          }));
      if (draft && !problems.some((p) => p.severity === 'error')) flows.push(draft);
      else blocked.push({ flowId: entry.flowId, problems });
    }
    if (blocked.length > 0) {
      throw apiError(
        'publish_blocked',
        `Flows it needs have errors (${blocked.map((b) => `"${b.flowId}"`).join(', ')}); nothing was published.`,
        { problems: blocked.flatMap((b) => b.problems), flows: blocked },
      );
    }
    return flows;
  }

  rollback(id: string, version: number): { live: number } {
    assertFlowId(id);
    this.published.rollback(id, version);
    this.events.publish({ type: 'flow.live', flowId: id, version });
    return { live: version };
  }

  version(id: string, version: number): PublishedFlow {
    assertFlowId(id);
    const found = this.published.get(id, version);
    if (!found) {
      throw apiError('version_not_found', `Flow "${id}" has no published version ${version}.`, {
        id,
        version,
      });
    }
    return found;
  }

  liveVersion(id: string): PublishedFlow {
    const live = this.published.live(id);
    if (!live) {
      throw apiError('flow_not_published', `Flow "${id}" has no live version: publish it first.`, {
        id,
      });
    }
    return live;
  }

  async resources(): Promise<Resources | undefined> {
    return (await this.store.getResources()).resources;
  }

  async #context(): Promise<{ resources?: Resources; flows: Flow[]; key: string }> {
    const [stored, resources] = await Promise.all([this.store.list(), this.store.getResources()]);
    const flows = stored.flatMap((s) => (s.flow ? [s.flow] : []));
    const key = `${resources.etag}|${stored.map((s) => `${s.id}:${s.flow?.type}`).join(',')}`;
    return resources.resources ? { resources: resources.resources, flows, key } : { flows, key };
  }

  /** `drafts` (optional) receives each draft the closure was followed through, by flow id. */
  #closure(flow: Flow, drafts?: Map<string, Flow>): Promise<ClosureEntry[]> {
    return this.store.getResources().then(({ resources }) =>
      dependencyClosure(flow, {
        ...(resources ? { resources } : {}),
        live: (id) => this.published.live(id),
        draft: async (id) => {
          const draft = (await this.store.get(id))?.flow ?? undefined;
          if (draft) drafts?.set(id, draft);
          return draft;
        },
      }),
    );
  }

  #problemsOf(stored: StoredFlow, context: { resources?: Resources; flows: Flow[]; key: string }): Problem[] {
    if (!stored.flow) return stored.problems;
    const cached = this.#problemCache.get(stored.etag);
    if (cached?.context === context.key) return cached.problems;
    const schema = flowSchemaProblems(stored.flow);
    const problems = schema.some((p) => p.severity === 'error')
      ? schema
      : checkFlowForPublish(stored.flow, context);
    this.#problemCache.set(stored.etag, { context: context.key, problems });
    return problems;
  }
}
