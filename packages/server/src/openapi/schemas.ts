/** Component schemas of the OpenAPI document. Flow and resources point at the published JSON Schemas. */
const problem = {
  type: 'object',
  properties: {
    code: { type: 'string', pattern: '^CF[0-9]{3}$' },
    severity: { enum: ['error', 'warning'] },
    message: { type: 'string' },
    path: { type: 'string', description: 'JSON pointer' },
    blockId: { type: 'string' },
    line: { type: 'integer' },
    column: { type: 'integer' },
  },
  required: ['code', 'severity', 'message', 'path'],
};

export const schemas = {
  Error: {
    type: 'object',
    properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'object' } },
    required: ['code', 'message', 'details'],
  },
  Problem: problem,
  ProblemList: { type: 'array', items: { $ref: '#/components/schemas/Problem' } },
  Problems: { type: 'object', properties: { problems: { $ref: '#/components/schemas/ProblemList' } } },
  Flow: { $ref: 'https://callflow.dev/schemas/flow/v1.json', description: 'schemas/flow.schema.json' },
  FlowWithEtag: {
    type: 'object',
    properties: { flow: { $ref: '#/components/schemas/Flow' }, etag: { type: 'string' } },
    required: ['flow', 'etag'],
  },
  FlowListItem: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      name: { type: ['string', 'null'] },
      type: { type: ['string', 'null'] },
      etag: { type: 'string' },
      live: { type: ['integer', 'null'] },
      latest: { type: ['integer', 'null'] },
      errors: { type: 'integer' },
      warnings: { type: 'integer' },
      summary: {
        oneOf: [{ $ref: '#/components/schemas/FlowSummary' }, { type: 'null' }],
        description: 'What lint needs of this flow (summarizeFlow); null when the file is unreadable.',
      },
    },
  },
  FlowSummary: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      type: { type: 'string' },
      module: {
        type: 'object',
        description: "The module's inputs and outputs; present for modules ({} without parameters).",
        properties: { inputs: { type: 'object' }, outputs: { type: 'object' } },
      },
      invokes: { type: 'array', items: { type: 'string' }, description: 'Ids of the modules it invokes.' },
      secureOutputs: {
        type: 'array',
        items: { type: 'string' },
        description: "A module's outputs returned from a secure variable (lint CF412).",
      },
    },
    required: ['id', 'type'],
  },
  FlowTests: {
    type: 'object',
    properties: {
      flowId: { type: 'string' },
      files: { type: 'array', items: { $ref: '#/components/schemas/FlowTestFile' } },
    },
    required: ['flowId', 'files'],
  },
  FlowTestFile: {
    type: 'object',
    properties: {
      file: { type: 'string', description: 'The file name, without its directory.' },
      etag: {
        type: 'string',
        description:
          "A hash of the file's bytes, as for flows; of its size, inode and mtime when it is too large to read.",
      },
      test: {
        type: ['object', 'null'],
        description:
          'The document (schemas/flow-test.schema.json) once it passed the schema; null when it did not.',
      },
      problems: { $ref: '#/components/schemas/ProblemList' },
    },
    required: ['file', 'etag', 'test', 'problems'],
  },
  FlowTest: {
    $ref: 'https://callflow.dev/schemas/flow-test/v1.json',
    description: 'schemas/flow-test.schema.json',
  },
  TestSaveResult: {
    type: 'object',
    properties: {
      file: { type: 'string', description: 'The file name, as in the URL.' },
      etag: {
        type: 'string',
        description: 'A hash of the bytes written, as GET /api/flows/{id}/tests gives.',
      },
      problems: { $ref: '#/components/schemas/ProblemList' },
    },
    required: ['file', 'etag', 'problems'],
  },
  SaveResult: {
    type: 'object',
    properties: { etag: { type: 'string' }, problems: { $ref: '#/components/schemas/ProblemList' } },
  },
  VersionInfo: {
    type: 'object',
    properties: {
      version: { type: 'integer' },
      publishedAt: { type: 'string', format: 'date-time' },
      publishedBy: { type: 'string', description: 'The name of the token that published it.' },
      note: { type: ['string', 'null'], description: 'What the publisher wrote about this version.' },
      live: { type: 'boolean' },
    },
  },
  Dependency: {
    type: 'object',
    description: 'A flow another flow needs at run time (module, whisper flow, a queue’s flows).',
    properties: {
      flowId: { type: 'string' },
      live: { type: ['integer', 'null'], description: 'The live version; null when it has none.' },
      exists: { type: 'boolean', description: 'False when there is no readable draft to publish.' },
      neededBy: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            flowId: { type: 'string', description: 'The flow the block is in.' },
            blockId: { type: 'string' },
            path: { type: 'string', description: 'JSON pointer of the setting that names it.' },
            via: { type: 'string', description: 'e.g. "module", "customer-queue flow of queue billing".' },
          },
        },
      },
    },
  },
  ResourcesWithEtag: {
    type: 'object',
    properties: {
      resources: { type: ['object', 'null'], description: 'schemas/resources.schema.json' },
      etag: { type: ['string', 'null'] },
      problems: { $ref: '#/components/schemas/ProblemList' },
    },
  },
  Catalog: { type: 'object', properties: { blocks: { type: 'array', items: { type: 'object' } } } },
  ContactSummary: {
    type: 'object',
    properties: {
      contactId: { type: 'string' },
      flowId: { type: 'string' },
      version: { type: 'integer' },
      status: { type: 'string' },
      block: { type: 'string' },
    },
  },
  ContactState: {
    type: 'object',
    description:
      'The contact: status, current block, variables (secure ones redacted), system variables ($lastDigits, $callerNumber...; secure values masked), timers and pending commands.',
  },
  Callback: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      kind: { enum: ['web', 'agent', 'courtesy'] },
      name: { type: ['string', 'null'] },
      number: { type: 'string' },
      queue: { type: 'string' },
      status: { type: 'string' },
      createdAt: { type: 'string', format: 'date-time' },
      waitReason: {
        type: ['string', 'null'],
        description:
          'Why the callback still waits although its turn came: CENTER_AT_CAPACITY (the center is at its maximum concurrent calls).',
      },
    },
  },
  Agent: { type: 'object', properties: { name: { type: 'string' }, state: { type: 'string' } } },
  AgentDesktop: {
    type: 'object',
    properties: {
      agent: { type: 'object' },
      numbers: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            name: { type: 'string' },
            number: { type: 'string' },
            displayName: { type: 'string' },
          },
        },
      },
      queues: { type: 'array', items: { type: 'object' } },
      agents: { type: 'array', items: { $ref: '#/components/schemas/Agent' } },
      allowedCountries: { type: 'array', items: { type: 'string' } },
    },
  },
  AgentContact: {
    type: 'object',
    properties: {
      contactId: { type: 'string' },
      callerNumber: { type: ['string', 'null'] },
      dialedNumber: { type: 'string' },
      queue: { type: ['string', 'null'] },
      variables: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            name: { type: 'string' },
            label: { type: 'string' },
            value: {},
            editable: { type: 'boolean' },
            secure: { type: 'boolean' },
            version: { type: 'integer' },
          },
        },
      },
    },
  },
  TransferTarget: {
    description:
      'Where the contact goes: exactly one of queue (or entry point), agent (must be Available) or number.',
    oneOf: [
      {
        type: 'object',
        properties: { queue: { type: 'string' } },
        required: ['queue'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: { agent: { type: 'string' } },
        required: ['agent'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: { number: { type: 'string' } },
        required: ['number'],
        additionalProperties: false,
      },
    ],
  },
  TransferResult: {
    type: 'object',
    properties: {
      result: { const: 'transferred' },
      reason: {
        type: 'string',
        description:
          "The engine's account of the transfer (where the contact waits, the caller ID dialled with).",
      },
      target: { $ref: '#/components/schemas/TransferTarget' },
      agent: { $ref: '#/components/schemas/Agent' },
    },
  },
  HangUpResult: {
    type: 'object',
    properties: {
      agent: { $ref: '#/components/schemas/Agent' },
      contact: {
        type: 'object',
        description: 'The contact the agent hung up, now ended.',
        properties: {
          contactId: { type: 'string' },
          status: { const: 'ended' },
          endReason: { type: 'string', description: '"agent hung up"' },
        },
        required: ['contactId', 'status', 'endReason'],
      },
    },
    required: ['agent', 'contact'],
  },
  LogEntry: {
    type: 'object',
    properties: {
      seq: { type: 'integer', minimum: 1, description: 'Increases by one per entry of the contact.' },
      at: { type: 'integer', description: 'Epoch ms.' },
      direction: { enum: ['command', 'event'] },
      type: { type: 'string', description: "The command's or event's type (play, dial, digits...)." },
      detail: {
        type: 'object',
        description:
          'The command or event itself, every secure value masked (•••), keys pressed into a secure variable as digits •••; { type, truncated: true } when its JSON is over 4 KB.',
      },
    },
    required: ['seq', 'at', 'direction', 'type', 'detail'],
  },
  CallLog: {
    type: 'object',
    properties: {
      contactId: { type: 'string' },
      logId: {
        type: ['string', 'null'],
        description:
          'Names the log; null when this process has none for the contact. A new log of the contact (after a restart) has another id and counts seq from 1 again: read it from after=0.',
      },
      entries: { type: 'array', items: { $ref: '#/components/schemas/LogEntry' } },
      truncated: {
        type: 'boolean',
        description: 'Older entries were dropped (at most 1000 are kept per contact).',
      },
    },
    required: ['contactId', 'logId', 'entries', 'truncated'],
  },
  Health: {
    type: 'object',
    properties: {
      ok: { type: 'boolean' },
      log: {
        type: 'object',
        description:
          'Whether log lines are being written; a failing log does not make the service unhealthy.',
        properties: {
          ok: { type: 'boolean' },
          failedWrites: { type: 'integer' },
          droppedLines: { type: 'integer' },
          error: { type: 'string', description: 'While failing: the error code, e.g. ENOSPC.' },
          failingSince: { type: 'string', format: 'date-time' },
        },
        required: ['ok', 'failedWrites', 'droppedLines'],
      },
    },
    required: ['ok'],
  },
};
