/** The server API (docs/api.md) as typed calls. Every failure is an `ApiError` with the server's code. */
import type { Flow, Problem, Resources } from '@callflow/model';
import type { ApiRoutes, ResponseOf } from '@callflow/model/api-contract';
import { type ApiOptions, createRequest } from './request';

// The answers' types come from the API contract (types only: zod stays out of the designer's bundle).
export type FlowListItem = ResponseOf<ApiRoutes['listFlows']>[number];
/** A flow test file beside the flow (`GET /api/flows/:id/tests`); `test` is null when it cannot be read. */
export type FlowTestFile = ResponseOf<ApiRoutes['flowTests']>['files'][number];
/** The parts of a flow test document the designer reads (schemas/flow-test.schema.json). */
export type FlowTestDocument = NonNullable<FlowTestFile['test']>;
export type VersionInfo = ResponseOf<ApiRoutes['flowVersions']>[number];
/** A flow another flow needs at run time (`GET /api/flows/:id/dependencies`). */
export type FlowDependencyInfo = ResponseOf<ApiRoutes['flowDependencies']>['dependencies'][number];
/** What the service's first start published (`GET /api/first-start`). */
export type FirstStartReport = NonNullable<ResponseOf<ApiRoutes['firstStart']>['firstStart']>;
export type PublishResult = ResponseOf<ApiRoutes['publishFlow'], 201>;
/** Where calls went in a published version over a period (`GET /api/flows/:id/traffic`). */
export type FlowTraffic = ResponseOf<ApiRoutes['flowTraffic']>;

export { ApiError, type ApiOptions, type Fetch } from './request';

export function createApi(options: ApiOptions = {}) {
  const call = createRequest(options);
  const flowPath = (id: string) => `/api/flows/${encodeURIComponent(id)}`;

  return {
    listFlows: async () => (await call<FlowListItem[]>('GET', '/api/flows')).body,
    getFlow: async (id: string) => {
      const { body, etag } = await call<{ flow: Flow; etag: string }>('GET', flowPath(id));
      return { flow: body.flow, etag: body.etag ?? etag ?? '' };
    },
    /** `text` is the canonical file text; `etag` null creates the flow (fails if it exists). */
    saveFlow: async (id: string, text: string, etag: string | null) => {
      const headers: Record<string, string> = etag === null ? { 'If-None-Match': '*' } : { 'If-Match': etag };
      return (await call<{ etag: string; problems: Problem[] }>('PUT', flowPath(id), { body: text, headers }))
        .body;
    },
    validate: async (id: string, text?: string) =>
      (
        await call<{ problems: Problem[] }>(
          'POST',
          `${flowPath(id)}/validate`,
          text === undefined ? {} : { body: text },
        )
      ).body,
    /** `etag`: the draft the admin sees (412 when another was saved since). */
    publish: async (
      id: string,
      options: { withDependencies?: boolean; note?: string; etag?: string | null } = {},
    ) => {
      const body: Record<string, unknown> = {};
      if (options.withDependencies) body.withDependencies = true;
      if (options.note) body.note = options.note;
      const headers: Record<string, string> = options.etag ? { 'If-Match': options.etag } : {};
      return (
        await call<PublishResult>('POST', `${flowPath(id)}/publish`, { body: JSON.stringify(body), headers })
      ).body;
    },
    dependencies: async (id: string) =>
      (
        await call<{ flowId: string; dependencies: FlowDependencyInfo[]; toPublish: string[] }>(
          'GET',
          `${flowPath(id)}/dependencies`,
        )
      ).body,
    versions: async (id: string) => (await call<VersionInfo[]>('GET', `${flowPath(id)}/versions`)).body,
    /** `from`/`to` ISO date-times; the service defaults them to the last day, `version` to the live one. */
    traffic: async (id: string, query: { from?: string; to?: string; version?: number } = {}) => {
      const params = new URLSearchParams();
      if (query.from) params.set('from', query.from);
      if (query.to) params.set('to', query.to);
      if (query.version !== undefined) params.set('version', String(query.version));
      const search = params.size > 0 ? `?${params}` : '';
      return (await call<FlowTraffic>('GET', `${flowPath(id)}/traffic${search}`)).body;
    },
    version: async (id: string, version: number) =>
      (await call<{ flow: Flow } | Flow>('GET', `${flowPath(id)}/versions/${version}`)).body,
    rollback: async (id: string, version: number) =>
      (
        await call<{ live: number }>('POST', `${flowPath(id)}/rollback`, {
          body: JSON.stringify({ version }),
        })
      ).body,
    /** The flow's scenario test files, as they are on the server's disk now. */
    flowTests: async (id: string) =>
      (await call<{ flowId: string; files: FlowTestFile[] }>('GET', `${flowPath(id)}/tests`)).body.files,
    /** Writes a flow's test file (canonical on disk); `etag` null creates it (fails if it exists). */
    saveFlowTests: async (id: string, file: string, document: FlowTestDocument, etag: string | null) => {
      const headers: Record<string, string> = etag === null ? { 'If-None-Match': '*' } : { 'If-Match': etag };
      return (
        await call<{ file: string; etag: string; problems: Problem[] }>(
          'PUT',
          `${flowPath(id)}/tests/${encodeURIComponent(file)}`,
          { body: JSON.stringify(document), headers },
        )
      ).body;
    },
    /** Null on any start but the first of the data directory. */
    firstStart: async () =>
      (await call<{ firstStart: FirstStartReport | null }>('GET', '/api/first-start')).body.firstStart,
    getResources: async () => {
      const { body } = await call<Resources | { resources: Resources; etag: string }>(
        'GET',
        '/api/resources',
      );
      return 'resources' in body ? body.resources : body;
    },
    /** The resources file with its etag (both null when there is none yet) and its schema problems. */
    getResourcesDocument: async () =>
      (
        await call<{ resources: Resources | null; etag: string | null; problems: Problem[] }>(
          'GET',
          '/api/resources',
        )
      ).body,
    /** Stores a prompt recording as prompts/<file> beside the flows (WAV or MP3, checked by the server). */
    uploadPromptAudio: async (file: string, bytes: Blob) =>
      (
        await call<{ file: string; bytes: number; type: 'wav' | 'mp3' }>(
          'PUT',
          `/api/prompts/${encodeURIComponent(file)}`,
          { body: bytes, headers: { 'Content-Type': bytes.type || 'application/octet-stream' } },
        )
      ).body,
    /** Writes resources.json (canonical on disk); `etag` null creates it (fails if it exists). */
    saveResources: async (resources: Resources, etag: string | null) => {
      const headers: Record<string, string> = etag === null ? { 'If-None-Match': '*' } : { 'If-Match': etag };
      return (
        await call<{ etag: string; problems: Problem[] }>('PUT', '/api/resources', {
          body: JSON.stringify(resources),
          headers,
        })
      ).body;
    },
  };
}

export type Api = ReturnType<typeof createApi>;

export const api: Api = createApi();
