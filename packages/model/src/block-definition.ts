import type { BlockType } from './block-types.js';
import type { FlowType } from './flow.js';

/** A JSON Schema fragment (2020-12). Kept loose on purpose: fragments are trusted data. */
export type JsonSchema = { [key: string]: unknown };

export type PaletteGroup =
  | 'interact'
  | 'logic'
  | 'integrate'
  | 'queue'
  | 'callback'
  | 'transfer'
  | 'terminate';

export const PALETTE_GROUPS: readonly { id: PaletteGroup; title: string }[] = [
  { id: 'interact', title: 'Interact' },
  { id: 'logic', title: 'Logic' },
  { id: 'integrate', title: 'Integrate' },
  { id: 'queue', title: 'Queue' },
  { id: 'callback', title: 'Callbacks' },
  { id: 'transfer', title: 'Transfer' },
  { id: 'terminate', title: 'Terminate' },
];

export interface OutcomeSpec {
  name: string;
  label: string;
  /** A required outcome must be wired (CF202); an optional one unwired disconnects (CF207). */
  required: boolean;
}

/** What a setting refers to, so that lint, the editor pickers and the runtime share one list. */
export type ReferenceKind =
  | 'queue'
  | 'number'
  | 'prompt'
  | 'hours'
  | 'flow'
  | 'agentGroup'
  | 'variable'
  | 'writableVariable';

export interface Reference {
  kind: ReferenceKind;
  name: string;
  /** JSON pointer relative to the block's `settings`. */
  path: string;
  /** For kind "flow": the flow types that fit. */
  flowTypes?: readonly FlowType[];
}

/** Editor hints for one field of the settings form; the form itself is generated from the schema. */
export type Widget =
  | 'prompt'
  | 'queue'
  | 'number'
  | 'phoneNumber'
  | 'callerId'
  | 'hours'
  | 'flow'
  | 'variable'
  | 'operand'
  | 'conditions'
  | 'assignments'
  | 'menuOptions'
  | 'percentShares'
  | 'moduleParameters'
  | 'keyValue'
  | 'text'
  | 'multiline'
  | 'seconds'
  | 'integer'
  | 'checkbox'
  | 'select';

export interface FieldHint {
  /** Top-level settings key. */
  key: string;
  label: string;
  widget: Widget;
  help?: string;
  /** For widget "flow": the flow types offered by the picker. */
  flowTypes?: readonly FlowType[];
}

export interface BlockDefinition<S = Record<string, unknown>> {
  type: BlockType;
  title: string;
  group: PaletteGroup;
  /** A short glyph the palette and nodes show: a symbol common fonts carry (DejaVu, Segoe UI Symbol), not an emoji. */
  icon: string;
  /** One line, for the palette tooltip. */
  description: string;
  /** A paragraph of documentation (Markdown) for docs/format.md and the editor help. */
  docs: string;
  flowTypes: readonly FlowType[];
  /** Schema of `settings`; may use the `$defs` of the flow schema (`#/$defs/...`). */
  settingsSchema: JsonSchema;
  /** Every outcome name this block can produce for any settings, for the format reference. */
  outcomeNames: readonly string[];
  /** The outcomes this block produces for these settings, in display order. */
  outcomes(settings: S): OutcomeSpec[];
  /** Ends the flow (or the module) here: no outcomes. */
  terminal: boolean;
  /** The contact waits here for the caller, an agent, a timer or the network (lint CF205). */
  waits(settings: S): boolean;
  /** Settings of a block freshly dropped on the canvas. */
  defaults(): S;
  /** A one-line summary of the key settings, shown on the node. */
  summary(settings: S): string;
  /** Names the settings refer to. Settings may be malformed: implementations must not throw. */
  references(settings: S): Reference[];
  form: readonly FieldHint[];
}

/** Helper so block files read as plain data while staying typed. */
export function defineBlock<S>(definition: BlockDefinition<S>): BlockDefinition<S> {
  return definition;
}

export function outcome(name: string, label: string, required = true): OutcomeSpec {
  return { name, label, required };
}
