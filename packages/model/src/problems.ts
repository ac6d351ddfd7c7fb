/**
 * Every validation problem has a stable code from this catalogue. Codes are never reused or renumbered;
 * docs/errors.md is generated from this table.
 *   CF0xx  the file itself (not JSON, too large, unknown version)
 *   CF1xx  schema violations
 *   CF2xx  flow structure (start, transitions, outcomes, reachability, loops, flow types)
 *   CF3xx  references to resources, flows and variables
 *   CF4xx  variables and the agent popover (docs/domain.md#contact-data-cad, docs/domain.md#popover)
 *   CF5xx  numbers and caller ID (docs/domain.md#caller-id, docs/domain.md#dial-numbers)
 *   CF6xx  contact-center rules and security (docs/domain.md#flow-types, docs/security.md)
 */

export type Severity = 'error' | 'warning';

export interface Problem {
  code: string;
  severity: Severity;
  /** What is wrong and what to do about it, in words an admin uses. */
  message: string;
  /** JSON pointer into the document ("" is the whole document). */
  path: string;
  blockId?: string;
  file?: string;
  /** 1-based, present when the problem was read from a file. */
  line?: number;
  column?: number;
  /** What the problem is about, as data for tools (the message is for people and may change). */
  data?: ProblemData;
}

/** Fields a tool may read instead of parsing a message. */
export interface ProblemData {
  /** The outcome of the block the problem is about (CF202, CF207). */
  outcome?: string;
}

export interface ProblemCodeInfo {
  severity: Severity;
  title: string;
  /** What it means and how to fix it (for docs/errors.md). */
  help: string;
}

export const PROBLEM_CODES = {
  CF001: {
    severity: 'error',
    title: 'Not valid JSON',
    help: 'The file could not be parsed as JSON. The location points at the first syntax error; a truncated file usually fails at its last line.',
  },
  CF002: {
    severity: 'error',
    title: 'File too large',
    help: 'The file exceeds the size limit and was not parsed. Split the flow into modules.',
  },
  CF003: {
    severity: 'error',
    title: 'Unknown format version',
    help: 'The `formatVersion` is newer than this version of callflow understands, or is not a number. Upgrade callflow, or fix the version.',
  },
  CF004: { severity: 'error', title: 'Not a flow document', help: 'The top level must be a JSON object.' },
  CF005: {
    severity: 'error',
    title: 'Too many blocks',
    help: 'The flow has more blocks than the limit. Split it into modules.',
  },
  CF006: { severity: 'error', title: 'Cannot read file', help: 'The file could not be read from disk.' },
  CF100: {
    severity: 'error',
    title: 'Schema violation',
    help: 'The document does not match schemas/flow.schema.json at this location.',
  },
  CF101: {
    severity: 'error',
    title: 'Missing required property',
    help: 'A required property is absent. Add it.',
  },
  CF102: {
    severity: 'error',
    title: 'Wrong type',
    help: 'The value has the wrong JSON type (e.g. a string where a number is expected).',
  },
  CF103: {
    severity: 'error',
    title: 'Unknown property',
    help: 'The property is not part of the format; it is probably misspelt.',
  },
  CF104: {
    severity: 'error',
    title: 'Value not allowed',
    help: 'The value is not one of the allowed values.',
  },
  CF105: {
    severity: 'error',
    title: 'Value out of range',
    help: "The number, string length or array length is outside the allowed range, or an object or list has too few entries (a test scenario's `expect` must check at least one thing).",
  },
  CF106: {
    severity: 'error',
    title: 'Bad format',
    help: 'The string does not have the required shape (id, name, time, number...).',
  },
  CF107: {
    severity: 'error',
    title: 'Unknown block type',
    help: 'The block type is not in the catalog. See docs/format.md for the list.',
  },
  CF200: { severity: 'error', title: 'Start block missing', help: '`start` must name a block of the flow.' },
  CF201: {
    severity: 'error',
    title: 'Transition to unknown block',
    help: 'An outcome points at a block id that does not exist.',
  },
  CF202: {
    severity: 'error',
    title: 'Required outcome not wired',
    help: 'Every required outcome (errors included) must lead somewhere.',
  },
  CF203: {
    severity: 'error',
    title: 'Unknown outcome',
    help: 'The block has a transition for an outcome it never produces.',
  },
  CF204: {
    severity: 'warning',
    title: 'Unreachable block',
    help: 'No path from the start block reaches this block.',
  },
  CF205: {
    severity: 'error',
    title: 'Loop that never waits',
    help: 'A cycle of blocks never waits for the caller or a timer; a contact would spin until the step cap ends it.',
  },
  CF206: {
    severity: 'error',
    title: 'Block not allowed in this flow type',
    help: 'This block type cannot be used in this type of flow.',
  },
  CF207: {
    severity: 'warning',
    title: 'Optional outcome not wired',
    help: 'The outcome is optional; when it happens the contact is disconnected.',
  },
  CF208: {
    severity: 'warning',
    title: 'Layout for unknown block',
    help: 'The layout section has a position for a block that does not exist. It is ignored.',
  },
  CF209: {
    severity: 'warning',
    title: 'Outcome leads to itself',
    help: 'A block transitions straight back to itself.',
  },
  CF210: {
    severity: 'error',
    title: 'Shares do not add up to 100',
    help: "A Distribute by percentage block's shares must add up to exactly 100%, so that every contact takes one outcome. Change the percentages.",
  },
  CF211: {
    severity: 'error',
    title: 'Outcome named twice',
    help: 'Two shares of a Distribute by percentage block name the same outcome. Give each share its own outcome, or merge the two shares into one.',
  },
  CF220: {
    severity: 'warning',
    title: 'Note attached to unknown block',
    help: 'A sticky note names a block that does not exist. It is shown at its offset from the canvas origin; attach it to a block or remove its `block`.',
  },
  CF300: {
    severity: 'error',
    title: 'Unknown queue',
    help: 'No queue of this name exists in the resources file.',
  },
  CF301: {
    severity: 'error',
    title: 'Unknown phone number',
    help: 'No number of this name exists in the resources file.',
  },
  CF302: {
    severity: 'error',
    title: 'Unknown prompt',
    help: 'No prompt of this name exists in the resources file.',
  },
  CF303: {
    severity: 'error',
    title: 'Unknown hours of operation',
    help: 'No hours of this name exist in the resources file.',
  },
  CF304: { severity: 'error', title: 'Unknown flow', help: 'No flow with this id exists.' },
  CF305: {
    severity: 'error',
    title: 'Flow of the wrong type',
    help: 'The referenced flow exists but its type does not fit here (e.g. a customer-whisper flow set as the agent whisper).',
  },
  CF306: {
    severity: 'error',
    title: 'Unknown variable',
    help: 'The variable is not declared in `variables`, is not a module input, and is not a system variable.',
  },
  CF307: {
    severity: 'error',
    title: 'Type mismatch',
    help: 'The value or operator does not fit the variable type.',
  },
  CF308: {
    severity: 'error',
    title: 'Module parameter mismatch',
    help: 'A required module input is not given, or an input/output name is not declared by the module.',
  },
  CF309: { severity: 'error', title: 'Read-only variable', help: 'System variables cannot be assigned.' },
  CF310: {
    severity: 'error',
    title: 'Unknown agent group',
    help: 'No agent group of this name exists in the resources file.',
  },
  CF311: {
    severity: 'error',
    title: 'Dependency not published',
    help: 'A flow this flow needs when it runs (a module it invokes, a whisper flow it sets, the customer-queue or whisper flow of a queue it uses, and so on through those flows) has no live version. Reported when publishing; publish that flow first, or publish with dependencies (docs/api.md).',
  },
  CF400: {
    severity: 'error',
    title: 'Popover too short',
    help: 'The agent popover shows at least 3 variables.',
  },
  CF401: {
    severity: 'error',
    title: 'Popover too long',
    help: 'The agent popover shows at most 6 variables.',
  },
  CF402: {
    severity: 'error',
    title: 'Secure variable in popover',
    help: 'Secure variables are never shown in a popover.',
  },
  CF403: {
    severity: 'error',
    title: 'Popover variable not agent viewable',
    help: 'Only agent-viewable variables can be in the popover.',
  },
  CF404: {
    severity: 'error',
    title: 'Value too long',
    help: 'A variable value holds at most 256 characters.',
  },
  CF405: {
    severity: 'error',
    title: 'Duplicate popover entry',
    help: 'A variable appears twice in the popover.',
  },
  CF406: {
    severity: 'error',
    title: 'JSON variable agent viewable',
    help: 'JSON variables cannot be shown to agents.',
  },
  CF407: {
    severity: 'error',
    title: 'Default of the wrong type',
    help: 'The default value does not match the declared variable type.',
  },
  CF408: {
    severity: 'error',
    title: 'Agent editable but not viewable',
    help: 'An agent can only edit a variable they can see; mark it agent viewable.',
  },
  CF409: {
    severity: 'warning',
    title: 'Agent-viewable variable without a label',
    help: 'Give agent-viewable variables a desktop label.',
  },
  CF410: {
    severity: 'error',
    title: 'Name clash',
    help: 'A variable, module input or output uses a name that is already taken (by another declaration or a system variable).',
  },
  CF411: {
    severity: 'error',
    title: 'JSON value too large',
    help: 'A JSON variable value is capped in size.',
  },
  CF412: {
    severity: 'error',
    title: 'Secure value copied into a viewable variable',
    help: 'A Set variables assignment or a module output copies a secure value into a variable agents see; mark the target secure or copy something else.',
  },
  CF500: {
    severity: 'error',
    title: 'Invalid dial number',
    help: 'A dial number has 3 to 18 digits and may contain + # * : besides digits; E.164 numbers have at most 15 digits and a country code that does not start with 0.',
  },
  CF501: {
    severity: 'error',
    title: 'Country not allowed',
    help: 'The number is in a country outside the account allowlist (toll-fraud guard). Add the country to `account.allowedCountries` in resources if intended.',
  },
  CF502: {
    severity: 'warning',
    title: 'Caller ID not an account number',
    help: 'A fixed caller ID that is not one of the account numbers may be blocked by carriers and regulators outside the US.',
  },
  CF503: {
    severity: 'error',
    title: 'Bad caller ID name',
    help: 'Caller ID names cannot contain the SIP-reserved characters ; / ? : @ & = + $ ,',
  },
  CF504: {
    severity: 'error',
    title: 'Emergency, short-code or premium number',
    help: 'Flows do not dial emergency numbers, short codes, service codes or premium-rate numbers, and a flow that does cannot be published. To permit one, list it exactly as dialled in `account.allowedSpecialNumbers` in resources ("911", "+19005550123"); nothing else permits it.',
  },
  CF505: {
    severity: 'warning',
    title: 'Caller-ID strategy has nothing to work with',
    help: "The transfer's caller-ID strategy needs something no path into the block provides: `queue` and `agentGroup` need a working queue (Set working queue before the transfer, or the caller waiting in a queue), and `agentChoice` needs an agent, which a flow's transfer never has. The account's principal number is shown instead. Set a working queue on the way, or pick another strategy (`fixed`, `caller`...).",
  },
  CF506: {
    severity: 'error',
    title: "Agent's default number not allowed",
    help: "An agent's `defaultNumber` must be one of their `allowedNumbers` (when the agent has that list): the default is what the agent presents when nothing else decides, and an agent may present only their allowed numbers. Add it to the list or pick another default.",
  },
  CF507: {
    severity: 'warning',
    title: 'Agent strategy needs what the agent lacks',
    help: 'The strategy for calls agents place cannot work for this agent: `byGroup` with no number bound to any of their groups, or `default` with no default number. The next rule applies instead (the agent default, first allowed or principal number; docs/caller-id.md). Give the group a `callerIdNumber` or the agent a `defaultNumber`.',
  },
  CF600: {
    severity: 'error',
    title: 'No working queue',
    help: 'Set working queue must come before Transfer to queue on every path, except inside a customer-queue flow.',
  },
  CF601: {
    severity: 'error',
    title: 'HTTP target refused',
    help: 'The HTTP request targets loopback, link-local or a private range, or uses a scheme other than https/http. Add the host to `httpAllowlist` in resources if intended.',
  },
  CF602: {
    severity: 'error',
    title: 'Module never returns',
    help: 'A module flow must have a reachable Return block.',
  },
  CF603: {
    severity: 'warning',
    title: 'Recording pause without auto-resume',
    help: 'A privacy-shield pause should resume on its own; set `privacyShieldSeconds`.',
  },
  CF604: {
    severity: 'error',
    title: 'Modules nested too deeply or recursively',
    help: 'A module invokes itself directly or indirectly.',
  },
  CF605: {
    severity: 'warning',
    title: 'Queue without agent group',
    help: 'The queue has no agent group that can take its calls.',
  },
  CF606: {
    severity: 'error',
    title: 'Flow id does not match file name',
    help: 'A flow stored as `<id>.flow.json` must have that id.',
  },
  CF607: {
    severity: 'warning',
    title: 'Callback wait threshold without a queue',
    help: 'Offer callback with `minEstimatedWaitSeconds` compares the estimated wait of the queue the caller waits in, or before Transfer to queue of the working queue. On a path with no Set working queue there is nothing to estimate and the callback is never offered. Set the working queue before the block.',
  },
  CF608: {
    severity: 'error',
    title: 'Secure value in a message',
    help: 'A text message (Send a message) leaves the center in clear, so it never carries a secure variable: neither a `{{placeholder}}` in the text nor the number it goes to may name one. Remove the placeholder, or send something that is not secret (a reference, the last digits kept in a non-secure variable).',
  },
} as const satisfies Record<string, ProblemCodeInfo>;

export type ProblemCode = keyof typeof PROBLEM_CODES;

export function problem(
  code: ProblemCode,
  message: string,
  path: string,
  extra: { blockId?: string; severity?: Severity; data?: ProblemData } = {},
): Problem {
  const p: Problem = { code, severity: extra.severity ?? PROBLEM_CODES[code].severity, message, path };
  if (extra.blockId !== undefined) p.blockId = extra.blockId;
  if (extra.data !== undefined) p.data = extra.data;
  return p;
}

/** Encodes one JSON pointer segment (RFC 6901). */
export function escapePointer(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointer(...segments: (string | number)[]): string {
  return segments.map((s) => `/${escapePointer(s)}`).join('');
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
