/** The shapes of the runtime routes' answers: contacts, their trace and log, callbacks, agents. */
import { z } from 'zod';

export const AGENT_STATES = ['Available', 'Busy', 'RONA', 'WrapUp', 'Offline'] as const;

const isoTime = z.string().meta({ format: 'date-time' });

export const contactState = z
  .strictObject({
    contactId: z.string(),
    kind: z.string().optional(),
    flowId: z.string(),
    version: z.number().int(),
    status: z.string(),
    endReason: z.string().nullable(),
    block: z.string().nullable(),
    stack: z.array(
      z.strictObject({ kind: z.string(), flowId: z.string(), version: z.number().int(), block: z.string() }),
    ),
    callerNumber: z.string().nullable(),
    dialedNumber: z.string(),
    variables: z.record(z.string(), z.unknown()).meta({ description: 'Secure variables show as •••.' }),
    system: z
      .record(z.string(), z.unknown())
      .optional()
      .meta({ description: 'System variables ($lastDigits, $callerNumber...); secure values masked.' }),
    queue: z
      .strictObject({ name: z.string(), since: isoTime, agent: z.string().nullable() })
      .nullable()
      .optional(),
    timers: z.array(z.strictObject({ id: z.string(), at: isoTime, event: z.string() })),
    startedAt: isoTime,
    variableVersions: z.record(z.string(), z.number().int()).meta({
      description: "Each variable's edit version (a save from an agent or the API names the one it read).",
    }),
    steps: z.number().int().meta({ description: 'Blocks the contact has run so far.' }),
  })
  .meta({
    id: 'ContactState',
    description:
      'The contact: status, current block, variables (secure ones redacted), system variables (secure values masked) and timers.',
  });

export const traceEntry = z
  .strictObject({
    seq: z.number().int(),
    at: z.number(),
    flowId: z.string().optional(),
    block: z.string().optional(),
    blockType: z.string().optional(),
    event: z.string().optional(),
    outcome: z.string().optional(),
    commands: z.array(z.string()).optional(),
    note: z.string().optional(),
    log: z.string().optional(),
    ignored: z.string().optional(),
    error: z.unknown().optional(),
  })
  .meta({ id: 'TraceEntry', description: 'One step of a contact; secure values masked.' });

export const trace = z.strictObject({ entries: z.array(traceEntry) }).meta({ id: 'Trace' });

export const logEntry = z
  .strictObject({
    seq: z.number().int().min(1).meta({ description: 'Increases by one per entry of the contact.' }),
    at: z.number().int().meta({ description: 'Epoch ms.' }),
    direction: z.enum(['command', 'event']),
    type: z.string().meta({ description: "The command's or event's type (play, dial, digits...)." }),
    detail: z.record(z.string(), z.unknown()).meta({
      description:
        'The command or event itself, every secure value masked (•••), keys pressed into a secure variable as digits •••; { type, truncated: true } when its JSON is over 4 KB.',
    }),
  })
  .meta({ id: 'LogEntry' });

export const callLog = z
  .strictObject({
    contactId: z.string(),
    logId: z.string().nullable().meta({
      description:
        'Names the log; null when this process has none for the contact. A new log of the contact (after a restart) has another id and counts seq from 1 again: read it from after=0.',
    }),
    entries: z.array(logEntry),
    truncated: z
      .boolean()
      .meta({ description: 'Older entries were dropped (at most 1000 are kept per contact).' }),
  })
  .meta({ id: 'CallLog' });

export const callback = z
  .strictObject({
    id: z.string(),
    kind: z.enum(['web', 'agent', 'courtesy']),
    name: z.string().nullable(),
    number: z.string(),
    queue: z.string(),
    status: z.string(),
    requestedBy: z.string().meta({
      description:
        'Who asked for it: the name of the token that asked (a web or an agent callback), or `flow:<id>` (a flow took it).',
    }),
    createdAt: isoTime,
    waitReason: z.string().nullable().meta({
      description:
        'Why the callback still waits although its turn came: CENTER_AT_CAPACITY (the center is at its maximum concurrent calls).',
    }),
    callerId: z.unknown().optional().meta({
      description:
        "An agent's call: the caller-ID decision { rule, number, reason, rejected } once dialled, null while the outbound whisper plays.",
    }),
  })
  .meta({ id: 'Callback' });

/** A caller-ID decision: which rule chose which number, what was passed over and why (docs/caller-id.md). */
export const callerIdDecision = z
  .strictObject({
    number: z.string().optional(),
    name: z.string().optional(),
    rule: z.string(),
    reason: z.string(),
    rejected: z
      .array(z.strictObject({ candidate: z.string(), number: z.string().optional(), why: z.string() }))
      .optional(),
    warning: z.string().optional(),
    mayOverride: z.strictObject({ flow: z.string(), block: z.string() }).optional().meta({
      description:
        "Foreseen before the call is dialled: this outbound whisper flow's Call phone number block may still set another number (read from a variable when it runs).",
    }),
  })
  .meta({ id: 'CallerIdDecision' });

/** The callback an agent prepares during a call (agent-initiated callback). */
export const pendingCallback = z
  .strictObject({
    contactId: z.string(),
    status: z.enum(['prompting', 'entered', 'invalid', 'timeout', 'edited']),
    number: z.string().nullable(),
    reason: z.string().nullable(),
  })
  .meta({ id: 'PendingCallback' });

/** A consult an agent holds (role consulting) or is asked into (role consulted). */
export const consult = z
  .strictObject({
    from: z.string(),
    contactId: z.string(),
    to: z.union([z.strictObject({ agent: z.string() }), z.strictObject({ number: z.string() })]),
    status: z.enum(['ringing', 'connected']),
    role: z.enum(['consulting', 'consulted']).optional(),
    popover: z.array(z.strictObject({ label: z.string(), name: z.string(), value: z.unknown() })).meta({
      description:
        'Agent name, agent DN and team, then up to 6 variables of account.consultPopover (never a secure one).',
    }),
    callerId: callerIdDecision.nullable(),
    startedAt: z.number().int().meta({ description: 'When the consult started (epoch ms).' }),
  })
  .meta({ id: 'Consult' });

export const agent = z
  .strictObject({
    name: z.string(),
    displayName: z.string(),
    groups: z.array(z.string()),
    state: z.enum(AGENT_STATES),
    contactId: z.string().nullable().optional(),
    pendingCallback: pendingCallback.nullable().optional(),
    consult: consult.nullable().optional(),
    now: z.string().optional().meta({
      format: 'date-time',
      description: "The service's clock when it answered: ring timers count to ringsUntil on it.",
    }),
    offer: z
      .strictObject({
        contactId: z.string().nullable(),
        queue: z.string(),
        title: z.string(),
        popover: z.unknown().optional(),
        timeoutSeconds: z.number().optional().meta({ description: 'How long the offer rings.' }),
        ringsUntil: z
          .string()
          .nullable()
          .optional()
          .meta({ format: 'date-time', description: 'When the offer rings out (RONA).' }),
      })
      .nullable()
      .optional(),
  })
  .meta({ id: 'Agent' });

export const agentDesktop = z
  .strictObject({
    agent: z.strictObject({
      name: z.string(),
      displayName: z.string(),
      groups: z.array(z.string()),
      defaultNumber: z.string().nullable(),
      defaultOutboundQueue: z.string().nullable(),
      phone: z.string().nullable().optional(),
    }),
    callerIdStrategy: z
      .strictObject({ strategy: z.string(), fallback: z.string().optional() })
      .optional()
      .meta({
        description: "The strategy that preselects the agent's caller ID (its group's, else the account's).",
      }),
    wrapUpReasons: z.array(z.string()).optional(),
    numbers: z.array(
      z.strictObject({ name: z.string(), number: z.string(), displayName: z.string().optional() }),
    ),
    queues: z.array(z.strictObject({ name: z.string(), displayName: z.string().optional() })),
    agents: z.array(
      z.strictObject({ name: z.string(), displayName: z.string().optional(), state: z.enum(AGENT_STATES) }),
    ),
    allowedCountries: z.array(z.string()),
  })
  .meta({
    id: 'AgentDesktop',
    description:
      "What the agent's desktop needs of the resources: its record, the numbers it may present, the queues and other agents (with states) to transfer to, the country allowlist.",
  });

export const agentContact = z
  .strictObject({
    contactId: z.string(),
    kind: z.string().optional(),
    status: z.string(),
    callerNumber: z.string().nullable(),
    dialedNumber: z.string(),
    queue: z.string().nullable(),
    variables: z.array(
      z.strictObject({
        name: z.string(),
        label: z.string(),
        type: z.string(),
        value: z.unknown(),
        editable: z.boolean(),
        secure: z.boolean(),
        version: z.number().int(),
      }),
    ),
  })
  .meta({
    id: 'AgentContact',
    description: "The agent's contact as its desktop shows it: agent-viewable variables, secure ones masked.",
  });

const targetString = z
  .string()
  .max(64)
  .refine((value) => value.trim() !== '', 'must not be blank');
export const transferTarget = z
  .union([
    z.strictObject({ queue: targetString }),
    z.strictObject({ agent: targetString }),
    z.strictObject({ number: targetString }),
  ])
  .meta({
    id: 'TransferTarget',
    description:
      'Where the contact goes: exactly one of queue (or entry point), agent (must be Available) or number.',
  });

export const transferResult = z
  .strictObject({
    result: z.literal('transferred'),
    reason: z.string().meta({
      description:
        "The engine's account of the transfer (where the contact waits, the caller ID dialled with).",
    }),
    target: transferTarget,
    callerId: callerIdDecision
      .nullable()
      .optional()
      .meta({ description: 'A transfer to a number: the caller-ID decision it is dialled with.' }),
    agent,
  })
  .meta({ id: 'TransferResult' });

export const hangUpResult = z
  .strictObject({
    agent,
    contact: z
      .strictObject({
        contactId: z.string(),
        status: z.literal('ended'),
        endReason: z.string().nullable().meta({ description: '"agent hung up"' }),
      })
      .meta({ description: 'The contact the agent hung up, now ended.' }),
  })
  .meta({ id: 'HangUpResult' });

export type ContactState = z.output<typeof contactState>;
export type CallLogEntry = z.output<typeof logEntry>;
export type AgentView = z.output<typeof agent>;
export type CallbackView = z.output<typeof callback>;
