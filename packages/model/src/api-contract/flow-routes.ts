/** The flow store and publishing routes (docs/api.md "Flows", "Publishing"). */
import { z } from 'zod';
import { ADMINS, READERS, WRITERS } from './roles.js';
import { defineRoute } from './route.js';
import {
  dependencies,
  flowDocument,
  flowListItem,
  flowTestDocument,
  flowTests,
  flowWithEtag,
  problems,
  publishedVersion,
  publishResult,
  saveResult,
  testSaveResult,
  versionInfo,
} from './schemas.js';
import { forceQuery } from './usage-routes.js';

/** A publish note is a line or two about why, not a document. */
export const MAX_PUBLISH_NOTE_LENGTH = 500;

const flowId = z.string().meta({
  description: 'Flow id (the file is `<id>.flow.json`): lower-case words joined by hyphens.',
  pattern: '^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$',
});
const flowParams = z.object({ id: flowId });
const ifMatch = {
  name: 'If-Match',
  description: 'The etag you last read; required to change an existing document.',
};
const ifNoneMatch = {
  name: 'If-None-Match',
  description: '`*` to create a document that must not exist yet.',
};
const json = <T extends z.ZodType>(schema: T, description = 'OK') => ({ description, schema });

export const flowRoutes = {
  listFlows: defineRoute({
    method: 'GET',
    path: '/api/flows',
    roles: READERS,
    summary: 'All flows in the flows directory.',
    responses: { 200: json(z.array(flowListItem)) },
    errors: [],
  }),
  getFlow: defineRoute({
    method: 'GET',
    path: '/api/flows/:id',
    roles: READERS,
    summary: 'One flow (the draft on disk) and its etag.',
    params: flowParams,
    responses: { 200: json(flowWithEtag) },
    errors: ['invalid_flow_id', 'flow_not_found', 'flow_unreadable'],
  }),
  saveFlow: defineRoute({
    method: 'PUT',
    path: '/api/flows/:id',
    roles: WRITERS,
    summary: 'Saves the draft in canonical format. Lint problems do not block a save; schema errors do.',
    params: flowParams,
    headers: [ifMatch, ifNoneMatch],
    body: flowDocument,
    responses: { 200: json(saveResult, 'Saved'), 201: json(saveResult, 'Created') },
    errors: [
      'invalid_json',
      'invalid_body',
      'unsupported_media_type',
      'invalid_flow_id',
      'id_mismatch',
      'version_mismatch',
      'invalid_flow',
      'precondition_required',
    ],
  }),
  deleteFlow: defineRoute({
    method: 'DELETE',
    path: '/api/flows/:id',
    roles: WRITERS,
    summary:
      'Deletes the draft file. Published versions stay. A flow other flows or queues name is kept (flow_in_use, with the uses) unless force=true.',
    params: flowParams,
    query: forceQuery,
    headers: [ifMatch],
    responses: { 204: { description: 'Deleted' } },
    errors: [
      'invalid_flow_id',
      'invalid_query',
      'flow_not_found',
      'flow_in_use',
      'version_mismatch',
      'precondition_required',
    ],
  }),
  flowTests: defineRoute({
    method: 'GET',
    path: '/api/flows/:id/tests',
    roles: READERS,
    summary:
      'The scenario test files (`*.test.json` in the flows directory) whose `flow` is this flow, read from disk now, sorted by file name. Saved one at a time with PUT `/api/flows/{id}/tests/{file}`.',
    params: flowParams,
    responses: { 200: json(flowTests) },
    errors: ['invalid_flow_id', 'flow_not_found'],
  }),
  saveFlowTest: defineRoute({
    method: 'PUT',
    path: '/api/flows/:id/tests/:file',
    roles: WRITERS,
    summary:
      "Saves one scenario test file (the whole document) in canonical format, with the same If-Match / If-None-Match rules as flows. The document's `flow` must be this flow. Announced as `flow.tests.saved`.",
    params: z.object({
      id: flowId,
      file: z.string().meta({
        description:
          'A test file name in the flows directory: `<name>.test.json`, `<name>` following the flow id rules.',
        pattern: '^[a-z][a-z0-9]*(?:-[a-z0-9]+)*\\.test\\.json$',
      }),
    }),
    headers: [ifMatch, ifNoneMatch],
    body: flowTestDocument,
    responses: { 200: json(testSaveResult, 'Saved'), 201: json(testSaveResult, 'Created') },
    errors: [
      'invalid_json',
      'invalid_body',
      'unsupported_media_type',
      'invalid_file_name',
      'invalid_flow_id',
      'id_mismatch',
      'flow_not_found',
      'version_mismatch',
      'invalid_test',
      'precondition_required',
    ],
  }),
  validateFlow: defineRoute({
    method: 'POST',
    path: '/api/flows/:id/validate',
    roles: WRITERS,
    summary: 'Schema and lint problems of the saved draft, or of the unsaved flow in the body.',
    params: flowParams,
    body: flowDocument,
    bodyOptional: true,
    responses: { 200: json(problems) },
    errors: ['invalid_json', 'invalid_body', 'unsupported_media_type', 'invalid_flow_id', 'flow_not_found'],
  }),
  publishFlow: defineRoute({
    method: 'POST',
    path: '/api/flows/:id/publish',
    roles: WRITERS,
    summary:
      'Publishes the saved draft as the next immutable version and makes it live. Every flow it needs at run time (transitively) must be live; `withDependencies` publishes those that are not, each checked, all in one step or none. Warnings are returned.',
    params: flowParams,
    headers: [{ name: 'If-Match', description: 'The draft you saw: 412 when another was saved since.' }],
    body: z.strictObject({
      withDependencies: z.boolean().optional(),
      note: z
        .string()
        .max(MAX_PUBLISH_NOTE_LENGTH)
        .optional()
        .meta({ description: 'Why this version: shown in the version history.' }),
    }),
    bodyOptional: true,
    responses: { 201: json(publishResult, 'Published') },
    errors: [
      'invalid_body',
      'unsupported_media_type',
      'invalid_flow_id',
      'flow_not_found',
      'flow_unreadable',
      'version_mismatch',
      'publish_blocked',
      'dependencies_not_published',
    ],
  }),
  flowDependencies: defineRoute({
    method: 'GET',
    path: '/api/flows/:id/dependencies',
    roles: READERS,
    summary:
      'The flows this flow needs at run time (modules, whisper flows, the flows of the queues it uses), transitively, with their live versions.',
    params: flowParams,
    responses: { 200: json(dependencies) },
    errors: ['invalid_flow_id', 'flow_not_found', 'flow_unreadable'],
  }),
  flowVersions: defineRoute({
    method: 'GET',
    path: '/api/flows/:id/versions',
    roles: READERS,
    summary: 'The published versions of a flow, newest last, with the live one marked.',
    params: flowParams,
    responses: { 200: json(z.array(versionInfo)) },
    errors: ['invalid_flow_id', 'flow_not_found'],
  }),
  flowVersion: defineRoute({
    method: 'GET',
    path: '/api/flows/:id/versions/:version',
    roles: READERS,
    summary: 'One published version with its flow.',
    params: z.object({
      id: flowId,
      version: z
        .string()
        .regex(/^[1-9][0-9]{0,8}$/)
        .transform(Number)
        .meta({ description: 'A version number: 1, 2, 3...' }),
    }),
    paramsCode: 'invalid_version',
    responses: { 200: json(publishedVersion) },
    errors: ['invalid_flow_id', 'invalid_version', 'version_not_found'],
  }),
  rollback: defineRoute({
    method: 'POST',
    path: '/api/flows/:id/rollback',
    roles: ADMINS,
    rolesNote: 'changes what live calls run without a new publish',
    summary: 'Makes an earlier published version live again (no new version).',
    params: flowParams,
    body: z.strictObject({ version: z.number().int() }),
    responses: { 200: json(z.strictObject({ live: z.number().int() })) },
    errors: [
      'invalid_body',
      'unsupported_media_type',
      'invalid_flow_id',
      'invalid_version',
      'version_not_found',
    ],
  }),
} as const;
