import type { Flow, Problem, Resources } from '@callflow/model';
import { ApiError } from '../http/api-error.js';
import type { EventBus } from '../ops/event-bus.js';
import type { ServiceMetrics } from '../ops/metrics.js';
import type { Preconditions } from '../store/document-files.js';
import { ifMatchSatisfied } from '../store/etag.js';
import { checkFlowForPublish, checkFlowTestDocument, flowSchemaProblems } from '../store/flow-checks.js';
import { assertFlowId, type FlowStore, type StoredFlow } from '../store/flow-store.js';
import { assertTestFileName } from '../store/flow-tests.js';
import type { PublishedFlow, PublishedVersions } from '../store/published-versions.js';

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

/** Drafts (files), published versions (SQLite) and the checks between them. */
export class FlowService {
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
    if (!stored) throw new ApiError(404, 'flow_not_found', `There is no flow "${id}".`, { id });
    if (!stored.flow) {
      throw new ApiError(
        422,
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
      throw new ApiError(
        400,
        'id_mismatch',
        `The flow's id "${String(bodyId)}" differs from the URL's "${id}".`,
        {
          id,
          bodyId: bodyId ?? null,
        },
      );
    }
    const schemaProblems = flowSchemaProblems(body);
    if (schemaProblems.some((p) => p.severity === 'error')) {
      throw new ApiError(422, 'invalid_flow', 'The flow does not match the flow schema; nothing was saved.', {
        problems: schemaProblems,
      });
    }
    const flow = body as Flow;
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
    if (!this.store.has(id)) throw new ApiError(404, 'flow_not_found', `There is no flow "${id}".`, { id });
    const bodyFlow = body.flow;
    if (bodyFlow !== id) {
      throw new ApiError(
        400,
        'id_mismatch',
        `The test's flow "${String(bodyFlow)}" differs from the URL's "${id}".`,
        { id, bodyFlow: bodyFlow ?? null },
      );
    }
    const { text, problems } = checkFlowTestDocument(body, file);
    if (problems.some((p) => p.severity === 'error')) {
      throw new ApiError(
        422,
        'invalid_test',
        'The test does not match the flow test schema; nothing was saved.',
        { problems },
      );
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
   * Publishes the saved draft. `ifMatch` (optional) makes sure the admin publishes the draft they see,
   * not one a colleague saved a second ago.
   */
  async publish(
    id: string,
    publishedBy: string,
    ifMatch?: string,
  ): Promise<{ version: number; problems: Problem[] }> {
    const stored = await this.get(id);
    if (ifMatch && !ifMatchSatisfied(ifMatch, stored.etag)) {
      throw new ApiError(
        412,
        'version_mismatch',
        'The draft changed since you loaded it; nothing was published.',
        {
          current: { flow: stored.flow, etag: stored.etag },
        },
      );
    }
    const problems = checkFlowForPublish(stored.flow, await this.#context());
    if (problems.some((p) => p.severity === 'error')) {
      throw new ApiError(422, 'publish_blocked', 'The flow has errors; fix them before publishing.', {
        problems,
      });
    }
    const published = this.published.publish(stored.flow, publishedBy);
    this.metrics.publishTotal.inc();
    this.events.publish({ type: 'flow.published', flowId: id, version: published.version });
    return { version: published.version, problems };
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
      throw new ApiError(404, 'version_not_found', `Flow "${id}" has no published version ${version}.`, {
        id,
        version,
      });
    }
    return found;
  }

  liveVersion(id: string): PublishedFlow {
    const live = this.published.live(id);
    if (!live) {
      throw new ApiError(409, 'flow_not_published', `Flow "${id}" has no live version: publish it first.`, {
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
