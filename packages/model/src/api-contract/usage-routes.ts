/** Where resources and flows are used, renames and deletions (docs/api.md "Where used, renames and deletions"). */
import { z } from 'zod';
import { RESOURCE_REFERENCE_KINDS } from '../usage/resource-fields.js';
import { ADMINS, READERS } from './roles.js';
import { defineRoute } from './route.js';

const json = (schema: z.ZodType, description = 'OK') => ({ description, schema });

export const usage = z
  .strictObject({
    file: z.string().meta({ description: '`<id>.flow.json`, `<name>.test.json` or the resources file.' }),
    path: z.string().meta({ description: 'JSON pointer of the name in that file.' }),
    flowId: z.string().optional(),
    flowName: z.string().optional(),
    blockId: z.string().optional(),
    blockType: z.string().optional(),
    resource: z.strictObject({ kind: z.string(), name: z.string() }).optional().meta({
      description: 'In the resources file: the entry whose setting it is (kind "account" for the account).',
    }),
    key: z
      .literal(true)
      .optional()
      .meta({ description: 'The name is the property’s own name (a simulated agent).' }),
    via: z.string().meta({ description: 'The setting, in an admin’s words.' }),
  })
  .meta({ id: 'Usage', description: 'One place that names a resource or a flow.' });

export const usages = z
  .strictObject({
    kind: z.string(),
    name: z.string(),
    usages: z.array(usage),
    unreadable: z
      .array(z.string())
      .meta({ description: 'Files that could not be read: their uses are unknown.' }),
  })
  .meta({ id: 'Usages' });

const renameEdit = z.strictObject({
  file: z.string(),
  path: z.string(),
  from: z.string(),
  to: z.string(),
  key: z.literal(true).optional(),
  usage: usage.optional(),
});

export const renamePlan = z
  .strictObject({
    kind: z.enum(RESOURCE_REFERENCE_KINDS),
    from: z.string(),
    to: z.string(),
    files: z.array(
      z.strictObject({
        file: z.string(),
        kind: z.enum(['resources', 'flow', 'test']),
        flowId: z.string().optional(),
        etag: z.string().meta({ description: 'Send it back in `etags` to apply.' }),
        before: z.string().meta({ description: 'The file’s text on disk now.' }),
        after: z.string().meta({ description: 'The canonical text the rename writes.' }),
        edits: z.array(renameEdit),
      }),
    ),
    unreadable: z.array(z.string()),
  })
  .meta({ id: 'RenamePlan' });

const resourceParams = z.object({
  kind: z.enum(RESOURCE_REFERENCE_KINDS).meta({ description: 'The kind of resource.' }),
  name: z.string().meta({ description: 'The entry’s name in the resources file.' }),
});
const flowParams = z.object({
  id: z.string().meta({
    description: 'Flow id (the file is `<id>.flow.json`): lower-case words joined by hyphens.',
    pattern: '^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$',
  }),
});
/** `force=true` confirms the deletion of something still in use. */
export const forceQuery = z.object({
  force: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .meta({
      description: '`true` deletes it although it is still used (the uses are left for lint to report).',
    }),
});

export const usageRoutes = {
  resourceUsages: defineRoute({
    method: 'GET',
    path: '/api/resources/:kind/:name/usages',
    roles: READERS,
    summary: 'Every block of every flow, resource setting and flow test that names this entry.',
    params: resourceParams,
    paramsCode: 'invalid_resource_kind',
    responses: { 200: json(usages) },
    errors: ['invalid_resource_kind', 'resource_not_found', 'resources_unreadable'],
  }),
  flowUsages: defineRoute({
    method: 'GET',
    path: '/api/flows/:id/usages',
    roles: READERS,
    summary: 'Every block, queue, number and flow test that names this flow.',
    params: flowParams,
    responses: { 200: json(usages) },
    errors: ['invalid_flow_id', 'flow_not_found'],
  }),
  renamePreview: defineRoute({
    method: 'POST',
    path: '/api/resources/:kind/:name/rename-preview',
    roles: ADMINS,
    rolesNote: 'shows the text of every flow the rename changes, for the admin who may then apply it',
    summary:
      'What renaming the entry would change, file by file (text before and after, each edit, each file’s etag); nothing is written.',
    params: resourceParams,
    paramsCode: 'invalid_resource_kind',
    body: z.strictObject({ to: z.string().max(200) }),
    responses: { 200: json(renamePlan) },
    errors: [
      'invalid_body',
      'unsupported_media_type',
      'invalid_resource_kind',
      'invalid_resource_name',
      'resource_not_found',
      'resource_name_taken',
      'resources_unreadable',
    ],
  }),
  rename: defineRoute({
    method: 'POST',
    path: '/api/resources/:kind/:name/rename',
    roles: ADMINS,
    rolesNote: 'changes the resources file and every flow and test naming the entry',
    summary:
      'Renames the entry and every use of it in the resources file, the flows and their tests, all files together: when any of them is not the version of the preview (`etags`), nothing is written.',
    params: resourceParams,
    paramsCode: 'invalid_resource_kind',
    body: z.strictObject({
      to: z.string().max(200),
      etags: z.record(z.string(), z.string()).optional().meta({
        description: 'The etag of every file of the preview, by file name (required: 428 without).',
      }),
    }),
    responses: {
      200: json(z.strictObject({ files: z.array(z.strictObject({ file: z.string(), etag: z.string() })) })),
    },
    errors: [
      'invalid_body',
      'unsupported_media_type',
      'invalid_resource_kind',
      'invalid_resource_name',
      'resource_not_found',
      'resource_name_taken',
      'resources_unreadable',
      'rename_conflict',
      'precondition_required',
    ],
  }),
  deleteResource: defineRoute({
    method: 'DELETE',
    path: '/api/resources/:kind/:name',
    roles: ADMINS,
    rolesNote: 'as PUT /api/resources',
    summary:
      'Deletes one entry of the resources file. One still in use is kept (resource_in_use, with the uses) unless force=true.',
    params: resourceParams,
    paramsCode: 'invalid_resource_kind',
    query: forceQuery,
    headers: [{ name: 'If-Match', description: 'The etag of the resources you read (required).' }],
    responses: {
      200: json(
        z.strictObject({
          etag: z.string(),
          usages: z.array(usage).meta({ description: 'The uses left dangling (force).' }),
        }),
      ),
    },
    errors: [
      'invalid_resource_kind',
      'invalid_query',
      'resource_not_found',
      'resource_in_use',
      'resources_unreadable',
      'version_mismatch',
      'precondition_required',
    ],
  }),
} as const;
