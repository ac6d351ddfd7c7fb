/**
 * The flow format as TypeScript types. `schemas/flow.schema.json` is generated from these shapes and the
 * block catalog (see `schema/flow-schema.ts`); the two are kept in step by `npm run generate -- --check`.
 */

export const FORMAT_VERSION = 1;

export const FLOW_TYPES = [
  'inbound',
  'customer-queue',
  'agent-whisper',
  'customer-whisper',
  'outbound-whisper',
  'module',
] as const;
export type FlowType = (typeof FLOW_TYPES)[number];

export const VARIABLE_TYPES = ['string', 'boolean', 'integer', 'decimal', 'dateTime', 'json'] as const;
export type VariableType = (typeof VARIABLE_TYPES)[number];

/** A JSON value as stored in a flow file. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A flow variable: contact-attached data that blocks set and agents may see (docs/domain.md#contact-data-cad). */
export interface VariableDeclaration {
  type: VariableType;
  default?: JsonValue;
  /** The desktop label agents see. */
  label?: string;
  description?: string;
  agentViewable?: boolean;
  agentEditable?: boolean;
  /** Sensitive: never logged, traced, put in a popover or an error message; masked on the desktop. */
  secure?: boolean;
  reportable?: boolean;
}

/** A module's declared input or output parameter. */
export interface ParameterDeclaration {
  type: VariableType;
  required?: boolean;
  description?: string;
}

export interface ModuleInterface {
  inputs?: Record<string, ParameterDeclaration>;
  outputs?: Record<string, ParameterDeclaration>;
}

/** Where a value comes from: a literal or a variable (flow variable, module input or system variable). */
export type Operand = { value: JsonValue } | { variable: string };

export interface Block {
  type: string;
  /** Optional display name; the id is already human-readable. */
  label?: string;
  settings: Record<string, unknown>;
  /** Outcome name -> id of the next block. */
  next?: Record<string, string>;
}

export interface Position {
  x: number;
  y: number;
}

export interface Flow {
  $schema?: string;
  formatVersion: number;
  id: string;
  name: string;
  type: FlowType;
  description?: string;
  start: string;
  variables?: Record<string, VariableDeclaration>;
  /** Variable names offered in the agent popover, in order (3 to 6, never secure). */
  popover?: string[];
  /** Inputs and outputs of a module flow. */
  module?: ModuleInterface;
  blocks: Record<string, Block>;
  /** Canvas positions, kept apart from the logic so that moving a box never touches it. */
  layout?: Record<string, Position>;
  /** Sticky notes on the canvas, by note id: documentation for admins, never read by the runtime. */
  notes?: Record<string, Note>;
}

export const NOTE_COLORS = ['yellow', 'blue', 'green', 'pink', 'grey'] as const;
export type NoteColor = (typeof NOTE_COLORS)[number];

/**
 * A sticky note. Free, `x`/`y` are canvas coordinates; attached to a block (`block`), they are the
 * offset from that block's position, so moving the block moves the note without touching it.
 */
export interface Note {
  text: string;
  /** Yellow when absent. */
  color?: NoteColor;
  /** The block the note is attached to. */
  block?: string;
  x: number;
  y: number;
}

/** A note holds plain text of at most this many characters (a longer one is CF105, like any limit). */
export const MAX_NOTE_TEXT = 2000;
/** Notes per flow, to keep the canvas and the file readable. */
export const MAX_NOTES = 500;

export const ID_PATTERN = '^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$';
export const NAME_PATTERN = '^[A-Za-z][A-Za-z0-9_]*$';
export const idRegExp = new RegExp(ID_PATTERN);
export const nameRegExp = new RegExp(NAME_PATTERN);

/** docs/domain.md#contact-data-cad: a CAD value holds at most 256 characters. */
export const MAX_VARIABLE_VALUE_LENGTH = 256;
/** docs/domain.md#popover: the popover shows at least 3 and at most 6 variables. */
export const POPOVER_MIN = 3;
export const POPOVER_MAX = 6;
/** JSON variables are capped in size (bytes of their serialised form). */
export const MAX_JSON_VARIABLE_BYTES = 4096;
/** Files larger than this are refused before parsing (Amazon Connect allows 256,000 characters). */
export const MAX_FLOW_FILE_BYTES = 5 * 1024 * 1024;
/** Twilio Studio allows 1,000 widgets; we allow more but cap to protect the validator and the editor. */
export const MAX_BLOCKS = 5000;
