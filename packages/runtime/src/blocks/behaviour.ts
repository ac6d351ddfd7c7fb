import type { BlockType, Flow, JsonValue } from '@callflow/model';
import type { Coerced } from '../rules/coerce.js';
import type {
  Command,
  ContactEvent,
  ContactSnapshot,
  EngineEnv,
  Frame,
  FrameKind,
  Party,
  ResolvedPrompt,
  TraceEntry,
  Wait,
} from '../types.js';

/** What a block hands back to the engine. */
export type BlockStep =
  /** Take this outcome (the machine decides where it leads). */
  | { outcome: string; note?: string }
  /** Wait for an event; optionally start a sub-flow on top (module, customer-queue flow). */
  | { wait: Wait; push?: { kind: FrameKind; flowId: string; vars?: Record<string, JsonValue> } }
  /** This flow ends here. */
  | { end: 'disconnect' | 'endFlow' | 'transferred'; note?: string }
  | { end: 'return'; outputs: Record<string, JsonValue> }
  /** The block already rearranged the contact (moved it to another queue): nothing more to do. */
  | { handled: true };

/** How a sub-flow pushed by a block finished, for the block that waits on it. */
export type ChildEnd =
  | { returned: true; outputs: Record<string, JsonValue> }
  | { returned: false; reason: string };

type WithoutRef<C> = C extends { ref: string } ? Omit<C, 'ref'> : C;
export type CommandDraft = WithoutRef<Command>;

export interface FlowsCapability {
  /** The flow at the version this contact uses (pinned on first use); undefined when not published. */
  find(flowId: string): Flow | undefined;
}

export interface QueueCapability {
  /** Why the contact cannot go to `queue` yet: a flow the queue would run for it has no live version. */
  unpublishedFlow(queue: string): string | undefined;
  /** Queues the contact in `queue`; returns the queue's customer-queue flow, if it has one. */
  enter(queue: string): string | undefined;
  /** Inside a customer-queue flow: moves the contact to `queue` (its flow runs, or hold music plays). */
  moveTo(queue: string): void;
  /** The contact's routing priority or credit changed: a waiting contact takes its new place (true). */
  reorder(): boolean;
}

export type RecordingAction = 'start' | 'pause' | 'resume' | 'stop';
export type RecordingOutcome = { ok: true; note: string } | { ok: false; reason: string };

export interface RecordingCapability {
  /** Recording as a small state machine (off -> on <-> paused -> off); see engine/recording.ts. */
  change(
    action: RecordingAction,
    who: 'customer' | 'agent' | 'both' | undefined,
    privacyShieldSeconds?: number,
  ): RecordingOutcome;
}

export interface SecretsCapability {
  /** `values` stay masked for the rest of the call, wherever a copy of them goes. */
  keep(...values: unknown[]): void;
  /** `text` with every secure value of the contact masked. */
  mask(text: string): string;
}

/** What a block sees of the contact while it runs. Everything it changes goes into the draft snapshot. */
export interface BlockContext<S = Record<string, unknown>> {
  readonly env: EngineEnv;
  /** The published flows this contact may run (modules, whispers), at the version it uses. */
  readonly flows: FlowsCapability;
  /** The queue logic, for the block that queues the contact. */
  readonly queue: QueueCapability;
  readonly recording: RecordingCapability;
  readonly secrets: SecretsCapability;
  readonly contact: ContactSnapshot;
  readonly frame: Frame;
  readonly flow: Flow;
  readonly blockId: string;
  readonly settings: S;
  readonly now: number;
  /** Who hears prompts in this flow: the agent in agent and outbound whispers. */
  readonly party: Party;
  /** Emits a command; returns its `ref` (a fresh one for commands that take a ref). */
  emit(command: CommandDraft): string;
  lookup(name: string): unknown;
  /** Stores a value in a declared variable, converted to its type; refused values leave it unchanged. */
  assign(name: string, value: unknown): Coerced;
  /** A prompt setting made ready to play; undefined when it names a prompt resources do not have. */
  prompt(setting: unknown): ResolvedPrompt | undefined;
  /** Plays a prompt to this flow's party and returns the play command's ref. */
  play(prompt: ResolvedPrompt, loop?: boolean): string;
  startTimer(seconds: number, event: string): string;
  cancelTimer(id: string | undefined): void;
  /** Adds a line of explanation to this step's trace entry. */
  note(text: string): void;
  /** Extra fields for this step's trace entry (the caller-ID decision). */
  traceWith(fields: Partial<TraceEntry>): void;
}

export interface BlockBehaviour<S = Record<string, unknown>> {
  type: BlockType;
  enter(ctx: BlockContext<S>): BlockStep;
  /** An event for a waiting block; undefined means the block did not expect it (ignored and traced). */
  resume?(ctx: BlockContext<S>, wait: Wait, event: ContactEvent): BlockStep | undefined;
  /** The sub-flow this block pushed has finished. */
  childEnded?(ctx: BlockContext<S>, wait: Wait, end: ChildEnd): BlockStep;
}

/** Keeps block files typed against their model settings while the registry stays heterogeneous. */
export function defineBehaviour<S>(behaviour: BlockBehaviour<S>): BlockBehaviour {
  return behaviour as unknown as BlockBehaviour;
}

/** The behaviour of every block type, by type. */
export type BehaviourRegistry = { readonly [T in BlockType]: BlockBehaviour };
