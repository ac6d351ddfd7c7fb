/**
 * The shapes the API answers with, shared by several routes. Each named one (`.meta({ id })`) becomes a
 * component of the OpenAPI document. Answers are strict (`z.strictObject`): the contract test holds every
 * answer to them, so a field a route sends is a field the document names. Clients still read only the
 * fields they know, so adding a field (to the schema first) is not a breaking change.
 */
import { z } from 'zod';
import type { Flow } from '../flow.js';
import type { FlowSummary } from '../lint/index.js';
import type { Problem as ModelProblem } from '../problems.js';
import type { Resources } from '../resources.js';

/** Documents with a JSON Schema of their own (schemas/*.schema.json): the document points there. */
export const EXTERNAL_SCHEMAS = new Map<z.ZodType, string>();

function external<T>(id: string, url: string, description: string) {
  const schema = z
    .custom<T>((value) => typeof value === 'object' && value !== null && !Array.isArray(value))
    .meta({ id, description });
  EXTERNAL_SCHEMAS.set(schema, url);
  return schema;
}

export const flowDocument = external<Flow>(
  'Flow',
  'https://callflow.dev/schemas/flow/v1.json',
  'A flow document: schemas/flow.schema.json.',
);
export const flowTestDocument = external<{
  flow: string;
  scenarios: { name: string; [key: string]: unknown }[];
  [key: string]: unknown;
}>(
  'FlowTest',
  'https://callflow.dev/schemas/flow-test/v1.json',
  'A flow test document: schemas/flow-test.schema.json.',
);
export const resourcesDocument = external<Resources>(
  'Resources',
  'https://callflow.dev/schemas/resources/v1.json',
  'The resources document: schemas/resources.schema.json.',
);

export const errorBody = z
  .strictObject({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()) })
  .meta({ id: 'Error', description: 'Every error: a stable code (docs/errors.md), what to do, and data.' });

export const problem = z
  .strictObject({
    code: z.string().regex(/^CF[0-9]{3}$/),
    severity: z.enum(['error', 'warning']),
    message: z.string(),
    path: z.string().meta({ description: 'JSON pointer' }),
    blockId: z.string().optional(),
    line: z.number().int().optional(),
    column: z.number().int().optional(),
    data: z
      .strictObject({ outcome: z.string().optional() })
      .optional()
      .meta({ description: 'What the problem is about, as data (e.g. the outcome of CF202/CF207).' }),
  })
  .meta({ id: 'Problem' }) as unknown as z.ZodType<ModelProblem>;

export const problemList = z.array(problem).meta({ id: 'ProblemList' });
export const problems = z.strictObject({ problems: problemList }).meta({ id: 'Problems' });

export const flowSummary = z
  .strictObject({
    id: z.string(),
    type: z.string(),
    module: z
      .strictObject({
        inputs: z.record(z.string(), z.unknown()).optional(),
        outputs: z.record(z.string(), z.unknown()).optional(),
      })
      .optional()
      .meta({ description: "The module's inputs and outputs; present for modules ({} without parameters)." }),
    invokes: z.array(z.string()).optional().meta({ description: 'Ids of the modules it invokes.' }),
    secureOutputs: z
      .array(z.string())
      .optional()
      .meta({ description: "A module's outputs returned from a secure variable (lint CF412)." }),
  })
  .meta({ id: 'FlowSummary' }) as unknown as z.ZodType<FlowSummary>;

export const flowListItem = z
  .strictObject({
    id: z.string(),
    name: z.string().nullable(),
    type: z.string().nullable(),
    etag: z.string(),
    live: z.number().int().nullable(),
    latest: z.number().int().nullable(),
    errors: z.number().int(),
    warnings: z.number().int(),
    summary: flowSummary.nullable().meta({
      description: 'What lint needs of this flow (summarizeFlow); null when the file is unreadable.',
    }),
  })
  .meta({ id: 'FlowListItem' });

export const flowWithEtag = z
  .strictObject({ flow: flowDocument, etag: z.string() })
  .meta({ id: 'FlowWithEtag' });

export const saveResult = z
  .strictObject({ etag: z.string(), problems: problemList })
  .meta({ id: 'SaveResult' });

export const flowTestFile = z
  .strictObject({
    file: z.string().meta({ description: 'The file name, without its directory.' }),
    etag: z.string().meta({
      description:
        "A hash of the file's bytes, as for flows; of its size, inode and mtime when it is too large to read.",
    }),
    test: flowTestDocument.nullable().meta({
      description:
        'The document (schemas/flow-test.schema.json) once it passed the schema; null when it did not.',
    }),
    problems: problemList,
  })
  .meta({ id: 'FlowTestFile' });

export const flowTests = z
  .strictObject({ flowId: z.string(), files: z.array(flowTestFile) })
  .meta({ id: 'FlowTests' });

export const testSaveResult = z
  .strictObject({
    file: z.string().meta({ description: 'The file name, as in the URL.' }),
    etag: z
      .string()
      .meta({ description: 'A hash of the bytes written, as GET /api/flows/{id}/tests gives.' }),
    problems: problemList,
  })
  .meta({ id: 'TestSaveResult' });

export const versionInfo = z
  .strictObject({
    version: z.number().int(),
    publishedAt: z.string().meta({ format: 'date-time' }),
    publishedBy: z.string().optional().meta({ description: 'The name of the token that published it.' }),
    note: z
      .string()
      .nullable()
      .optional()
      .meta({ description: 'What the publisher wrote about this version.' }),
    live: z.boolean(),
  })
  .meta({ id: 'VersionInfo' });

export const publishedVersion = versionInfo
  .extend({ flow: flowDocument })
  .meta({ id: 'PublishedVersion', description: 'A published version with its flow.' });

export const publishResult = z
  .strictObject({
    version: z.number().int(),
    problems: problemList,
    published: z
      .array(z.strictObject({ flowId: z.string(), version: z.number().int() }))
      .meta({ description: 'Every flow made live, the one asked for first.' }),
    note: z.string().nullable(),
  })
  .meta({ id: 'PublishResult' });

export const dependency = z
  .strictObject({
    flowId: z.string(),
    live: z.number().int().nullable().meta({ description: 'The live version; null when it has none.' }),
    exists: z.boolean().meta({ description: 'False when there is no readable draft to publish.' }),
    neededBy: z.array(
      z.strictObject({
        flowId: z.string().meta({ description: 'The flow the block is in.' }),
        blockId: z.string(),
        path: z.string().meta({ description: 'JSON pointer of the setting that names it.' }),
        via: z.string().meta({ description: 'e.g. "module", "customer-queue flow of queue billing".' }),
      }),
    ),
  })
  .meta({
    id: 'Dependency',
    description: 'A flow another flow needs at run time (module, whisper flow, a queue’s flows).',
  });

export const dependencies = z
  .strictObject({
    flowId: z.string(),
    dependencies: z.array(dependency),
    toPublish: z
      .array(z.string())
      .meta({ description: 'What "publish with dependencies" would make live along with the flow.' }),
  })
  .meta({ id: 'Dependencies' });

export const resourcesWithEtag = z
  .strictObject({
    resources: resourcesDocument.nullable(),
    etag: z.string().nullable(),
    problems: problemList,
  })
  .meta({ id: 'ResourcesWithEtag' });

export const firstStartReport = z
  .strictObject({
    at: z.string(),
    published: z.array(z.strictObject({ flowId: z.string(), version: z.number().int() })),
    skipped: z.array(
      z.strictObject({ flowId: z.string(), reason: z.string(), problems: problemList.optional() }),
    ),
  })
  .meta({ id: 'FirstStartReport', description: 'What the first start of the data directory published.' });

export const catalog = z
  .strictObject({
    flowTypes: z.array(z.string()),
    groups: z.array(z.unknown()),
    blocks: z.array(
      z.strictObject({
        type: z.string(),
        title: z.string(),
        group: z.string().meta({ description: 'The palette group it is listed in.' }),
        icon: z.string(),
        description: z.string(),
        docs: z.string().meta({ description: 'What it does, for the reference (docs/format.md).' }),
        flowTypes: z.array(z.string()).meta({ description: 'The flow types it may be used in.' }),
        terminal: z.boolean().meta({ description: 'It ends the flow: it has no outcomes to wire.' }),
        outcomeNames: z
          .array(z.string())
          .meta({ description: 'Its outcome names, as the reference lists them.' }),
        outcomes: z
          .array(z.strictObject({ name: z.string(), label: z.string(), required: z.boolean() }))
          .meta({ description: 'The outcomes of a new block (its default settings).' }),
        defaults: z.record(z.string(), z.unknown()).meta({ description: 'The settings of a new block.' }),
        settingsSchema: z
          .record(z.string(), z.unknown())
          .meta({ description: 'The JSON Schema of its settings (as in schemas/flow.schema.json).' }),
        form: z
          .array(
            z.strictObject({
              key: z.string(),
              label: z.string(),
              widget: z.string(),
              help: z.string().optional(),
              flowTypes: z.array(z.string()).optional(),
            }),
          )
          .meta({ description: "The designer's form: one field per top-level setting, with its widget." }),
      }),
    ),
  })
  .meta({ id: 'Catalog', description: 'The block catalog as data.' });

export const health = z
  .strictObject({
    ok: z.boolean(),
    state: z.enum(['starting', 'ready', 'stopping']),
    degraded: z
      .literal(true)
      .optional()
      .meta({ description: 'The resources file is damaged: calls go on with the last good resources.' }),
    resources: z
      .strictObject({
        ok: z.boolean(),
        file: z.string().optional(),
        problems: problemList.optional(),
        since: z.string().optional().meta({ format: 'date-time' }),
        servingLastGood: z.boolean().optional(),
      })
      .meta({ description: 'Whether the resources file is usable; while it is not, where and why.' }),
    contacts: z.number().int().meta({ description: 'Contacts running in this process.' }),
    center: z
      .strictObject({ node: z.string().optional(), state: z.string() })
      .optional()
      .meta({ description: 'A center kept in PostgreSQL: this process and its part (docs/scaling.md).' }),
    log: z
      .strictObject({
        ok: z.boolean(),
        failedWrites: z.number().int(),
        droppedLines: z.number().int(),
        error: z.string().optional().meta({ description: 'While failing: the error code, e.g. ENOSPC.' }),
        failingSince: z.string().optional().meta({ format: 'date-time' }),
      })
      .optional()
      .meta({
        description:
          'Whether log lines are being written; a failing log does not make the service unhealthy.',
      }),
  })
  .meta({ id: 'Health' });
