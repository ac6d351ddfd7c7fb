import type { Flow, JsonValue, Resources } from '@callflow/model';
import type { RuntimeErrorInfo } from './errors/runtime-errors.js';

/**
 * The contract between the contact engine and its host. The engine is a pure function
 * `(snapshot, event) -> (snapshot, commands)`; the host carries out the commands through a telephony
 * adapter and feeds the results back as events. Everything in a snapshot is plain JSON.
 */

/** A published flow as the engine sees it: content plus the immutable version number it was published as. */
export interface PublishedFlow {
  flow: Flow;
  version: number;
}

/** Where the engine finds flows. `version` absent means the version new contacts should start on. */
export interface FlowSource {
  get(id: string, version?: number): PublishedFlow | undefined;
}

/** Read-only queue figures the host's ACD provides (atCapacity, $queuePosition, $estimatedWaitSeconds). */
export interface QueueFigures {
  /** Contacts waiting in the queue now. */
  size(queue: string): number;
  /**
   * An agent's state, and whether they are free (no offer, no contact) — for transfers to an agent.
   * Undefined for an agent the host does not know. Hosts without agents leave it out.
   */
  agentStatus?(agent: string): { state: string; free: boolean } | undefined;
  /** 1 = next; 0 when the contact is not in the queue (yet: hosts apply `enqueue` after the step). */
  position(queue: string, contactId: string): number;
  estimatedWaitSeconds(queue: string, contactId: string): number;
  /**
   * The staffing and load of `queue` now, for Check queue status (a contact joining now would wait
   * `estimatedWaitSeconds`). Hosts without agents leave it out; the block then takes `error`.
   */
  status?(queue: string, now: number): QueueStatus;
}

/** A queue's figures as Check queue status compares them (docs/format.md#check-queue-status-checkqueuestatus). */
export interface QueueStatus {
  agentsOnline: number;
  agentsStaffed: number;
  agentsAvailable: number;
  contactsInQueue: number;
  oldestContactAgeSeconds: number;
  estimatedWaitSeconds: number;
}

export interface EngineEnv {
  flows: FlowSource;
  resources: Resources;
  /** Milliseconds since the epoch; the simulator's virtual clock or `Date.now`. */
  now(): number;
  /** For the caller-ID rules' random fallback; `Math.random` when absent. */
  random?: () => number;
  queues?: QueueFigures;
  /** Trace entries kept in the snapshot itself (default 0: the trace travels in `StepResult.trace`). */
  traceTail?: number;
}

// ---------------------------------------------------------------------------------------------------
// Commands: what the host must do. `ref` ties a result event back to the command that asked for it.

export type Party = 'caller' | 'agent';

/** A prompt ready to play: resources looked up and `{{variable}}` placeholders filled in. */
export interface ResolvedPrompt {
  text: string;
  /** Name of the prompt in resources, when it came from there. */
  name?: string;
  audioUrl?: string;
  /** A recording uploaded beside the flows (`prompts/<file>`); telephony plays it from the service. */
  audioFile?: string;
  language?: string;
  /** The text-to-speech voice, as the provider names it. */
  voice?: string;
}

export interface PopoverItem {
  label: string;
  name: string;
  value: unknown;
}

export type DialPurpose = 'transfer' | 'callback' | 'agentOutbound' | 'consult';

export interface CallbackRequest {
  id: string;
  /** E.164 number to call back. */
  number: string;
  /** Web callbacks carry the name the customer typed in. */
  name?: string;
  queue: string;
  /** The number the customer originally dialled (DNIS), for the popover and the caller-ID rules. */
  dialedNumber: string;
  callerNumber?: string;
  /** Epoch ms that orders the request in the queue: the caller's original place with keepPosition. */
  enqueuedAt: number;
  initialDelaySeconds: number;
  maxAttempts: number;
  retryDelaySeconds: number;
  maxQueueSeconds: number;
  /** Flow the request came from (popover labels, outbound whisper); absent for web callbacks. */
  flowId?: string;
  flowVersion?: number;
  variables?: Record<string, JsonValue>;
  outboundWhisperFlow?: string;
  /** A Voicemail block's message: the agent can play it before calling back. */
  voicemail?: VoicemailRecording;
}

export interface VoicemailRecording {
  /** Where the provider keeps the recording (a placeholder `simulator://` address in the simulator). */
  recordingUrl: string;
  durationSeconds: number;
}

export type Command =
  | {
      type: 'play';
      ref: string;
      to: Party;
      prompt: ResolvedPrompt /** hold audio: loop until stopped */;
      loop?: boolean;
    }
  | { type: 'stopPlayback'; to: Party }
  | { type: 'collectDigits'; ref: string; maxDigits: number; terminator?: string }
  /**
   * Voicemail: record what the caller says after a beep, until `finishKey`, `maxLengthSeconds` or
   * `silenceTimeoutSeconds` of silence; answered by `messageRecorded`.
   */
  | {
      type: 'recordMessage';
      ref: string;
      maxLengthSeconds: number;
      finishKey: string;
      silenceTimeoutSeconds: number;
    }
  | {
      type: 'dial';
      ref: string;
      purpose: DialPurpose;
      /** E.164 (or a short code the account allows). */
      to: string;
      /** Digits of an extension (`+13125550199:12`), sent as tones once the called party answers. */
      sendDigits?: string;
      callerId?: string;
      callerIdName?: string;
      timeoutSeconds: number;
    }
  | { type: 'cancelDial'; dialRef: string }
  | { type: 'bridge'; agent?: string /** external leg of a transfer or callback */; dialRef?: string }
  | {
      type: 'enqueue';
      queue: string;
      agentGroup: string;
      enqueuedAt: number;
      kind: 'call' | 'callback';
      /** The agent whose transfer put the contact here: passed over while another agent can take it. */
      exclude?: string[];
      /** Set routing priority: offered before contacts of lower priority, in any queue (absent: 0). */
      priority?: number;
      /** Queue time credited (Set routing priority): ordered as if enqueued this much earlier. */
      creditSeconds?: number;
    }
  | { type: 'dequeue'; queue: string; reason: string }
  | {
      type: 'offerToAgent';
      ref: string;
      agent: string;
      queue: string;
      kind: 'call' | 'callback';
      /** "Callback" for callbacks, the queue's display name for calls. */
      title: string;
      popover: PopoverItem[];
      timeoutSeconds: number;
    }
  /** The agent is free again (a callback the customer did not answer); the host moves them to wrap-up. */
  | { type: 'releaseAgent'; agent: string; reason: string }
  /** The engine's answer to an agent's `agentTransfer`: the host tells the agent's desktop. */
  | {
      type: 'transferResult';
      agent: string;
      result: 'transferred' | 'refused';
      target: TransferTarget;
      reason: string;
      /** A transfer to a number: the caller-ID decision it is dialled with. */
      callerId?: CallerIdOutcome;
    }
  /**
   * A consult leg to a number changed (docs/domain.md#transfers): dialling, answered, or ended — busy,
   * no answer, failed, hung up (`code` RT108), cancelled by the agent or with the call. The host tells
   * the agents' desktops.
   */
  | {
      type: 'consultLeg';
      agent: string;
      number: string;
      status: 'dialling' | 'connected' | 'ended';
      reason: string;
      code?: 'RT108';
      callerId: CallerIdOutcome;
    }
  /** The offer ended without acceptance: the host sets the agent to RONA when `rona`. */
  | { type: 'withdrawOffer'; ref: string; agent: string; rona: boolean }
  | { type: 'hangup'; reason: string }
  | {
      type: 'setRecording';
      action: 'start' | 'pause' | 'resume' | 'stop';
      who: 'customer' | 'agent' | 'both';
    }
  /**
   * A text message (SMS) from a Send a message block: the adapter answers `messageResult` with the ref.
   * `to` passed the dial-number rules; `body` never holds a secure value (the block refuses it before).
   */
  | { type: 'sendMessage'; ref: string; to: string; from: string; body: string }
  | { type: 'startTimer'; timer: Timer }
  | { type: 'cancelTimer'; id: string }
  | { type: 'createCallback'; request: CallbackRequest }
  | {
      type: 'httpRequest';
      ref: string;
      method: string;
      url: string;
      headers: Record<string, string>;
      body?: string;
      timeoutSeconds: number;
      maxResponseBytes: number;
    }
  /**
   * What the customer keyed when the agent prompted them for a callback number (docs/domain.md#callbacks,
   * agent-initiated): `entered` with the number checked by the dial-number rules, `invalid` with why,
   * `timeout` when nothing was keyed. The host fills the agent's pending callback with it.
   */
  | {
      type: 'callbackEntry';
      agent: string;
      result: 'entered' | 'invalid' | 'timeout';
      /** The number as the rules normalised it (`entered`), or the keys as typed (`invalid`). */
      number?: string;
      reason?: string;
    }
  /** The agent desktop's answer to a CAD edit (first save wins; the loser is told the current value). */
  | {
      type: 'variableUpdate';
      agent: string;
      name: string;
      result: 'saved' | 'conflict' | 'refused';
      version: number;
      value?: unknown;
      reason?: string;
      /** Why a refused edit was refused, as data: the variable may not be edited, or the value does not fit. */
      refusal?: 'notEditable' | 'invalidValue';
    };

export type CommandType = Command['type'];

// ---------------------------------------------------------------------------------------------------
// Events: what happened. `id` makes delivery idempotent (providers retry); `at` is informational.

/** Where an agent sends a contact in a blind transfer. */
/** A caller-ID decision as the API, events and trace carry it: which rule chose which number, what was passed over. */
export interface CallerIdOutcome {
  number?: string;
  name?: string;
  rule: string;
  reason: string;
  rejected?: { candidate: string; number?: string; why: string }[];
}

/** Where an agent transfers a contact; to a number, optionally with the caller ID the agent picked. */
export type TransferTarget = { queue: string } | { agent: string } | { number: string; callerId?: string };

export type DialResult = 'answered' | 'busy' | 'noAnswer' | 'failed' | 'completed';

export type ContactEventBody =
  /**
   * Keys the caller pressed. `ref`, when the adapter knows it, names the `collectDigits` they answer:
   * keys naming any other than the contact's latest question (`keysFor`) are ignored as stale.
   */
  | { type: 'digits'; digits: string; ref?: string }
  | { type: 'promptDone'; ref: string }
  /**
   * The recording `ref` asked for ended: `recorded` with where the provider keeps it (the simulator gives
   * a placeholder) and its length, or `empty` when the caller said nothing (silence, or hung up first).
   */
  | {
      type: 'messageRecorded';
      ref: string;
      result: 'recorded' | 'empty';
      recordingUrl?: string;
      durationSeconds?: number;
    }
  | { type: 'dialResult'; ref: string; result: DialResult }
  /** The provider took the text message `ref` (`sent`), or refused it (`failed`, with why). */
  | { type: 'messageResult'; ref: string; result: 'sent' | 'failed'; reason?: string }
  | { type: 'agentAvailable'; agent: string }
  | { type: 'agentAccepted'; agent: string }
  | { type: 'agentNoAnswer'; agent: string }
  | { type: 'agentHangUp'; agent?: string }
  | { type: 'callerHangUp' }
  | { type: 'timer'; timerId: string }
  | { type: 'httpResult'; ref: string; status?: number; body?: string; error?: string }
  /** The adapter could not carry out the command `ref`: the waiting block takes its `error` outcome. */
  | { type: 'adapterError'; ref: string; message: string }
  | { type: 'consult'; active: boolean }
  /** From the host, for a waiting callback: the center is at its maximum concurrent calls, or a line is free again. */
  | { type: 'centerCapacity'; atCapacity: boolean; limit: number; liveCalls: number }
  | { type: 'updateVariable'; agent: string; name: string; value: unknown; version: number }
  /** The connected agent transfers the contact (blind: it goes at once). */
  | { type: 'agentTransfer'; agent: string; target: TransferTarget }
  /** The connected agent has the customer prompted for a callback number (Avaya agent-initiated callback). */
  | { type: 'agentPromptCallback'; agent: string }
  /** The connected agent consults a number: the customer holds while a leg dials it. */
  | { type: 'agentConsultDial'; agent: string; number: string; agentChoice?: string }
  /** The agent cancels the consult: the leg is hung up, the agent is back with the customer. */
  | { type: 'agentConsultEnd'; agent: string }
  /** The agent completes the consult: the customer is bridged to the answered leg (warm transfer). */
  | { type: 'agentConsultComplete'; agent: string };

export type ContactEvent = ContactEventBody & { id?: string; at?: number };
export type ContactEventType = ContactEventBody['type'];

// ---------------------------------------------------------------------------------------------------
// Snapshot: everything a contact is, as plain JSON.

/** An absolute deadline. The host fires `{ type: 'timer', timerId: id }` at or after `at`. */
export interface Timer {
  id: string;
  /** Epoch milliseconds. */
  at: number;
  /** What the timer is for (trace and docs); the engine routes by id. */
  event: string;
}

export type FrameKind =
  | 'main'
  | 'module'
  | 'customerQueue'
  | 'agentWhisper'
  | 'customerWhisper'
  | 'outboundWhisper';

/** What a block is waiting for; block behaviours keep their own small state here. */
export interface Wait {
  /** The command whose result is awaited, when there is one. */
  ref?: string;
  timerId?: string;
  [key: string]: JsonValue | undefined;
}

export interface Frame {
  kind: FrameKind;
  flowId: string;
  version: number;
  /** Current block id (the XState state value). */
  block: string;
  wait?: Wait;
  /** Module scope: inputs and the module's own variables. Other flows share the contact's variables. */
  vars?: Record<string, JsonValue>;
  /** Steps run in this flow since it started (or since its last hold wait, for customer-queue flows). */
  steps: number;
}

export type ContactStatus =
  | 'running'
  | 'queued'
  | 'offered'
  | 'whisper'
  | 'connected'
  /** An agent's transfer to a number is being dialled; the caller hears hold music. */
  | 'transferring'
  | 'transferred'
  | 'ended';

export interface QueueState {
  name: string;
  /** Epoch ms; orders the contact in its queue (kept across RONA and by courtesy callbacks). */
  since: number;
  /** `direct`: offered by an agent's transfer, not by the ACD (the contact is not in the ACD's queue). */
  offer?: { agent: string; ref: string; timerId: string; direct?: boolean };
  agent?: string;
  /**
   * The agent whose transfer put the contact in this queue: passed over while another agent is free to
   * take it (survives persistence). Snapshots from before may list several.
   */
  exclude?: string[];
}

/** How the ACD orders a contact among others: priority first, then time in queue with the credit. */
export interface RoutingState {
  priority: number;
  creditSeconds: number;
}

/** An agent's transfer to an external number while it is being dialled. */
export interface AgentTransferState {
  /** The agent who transferred the contact. */
  from: string;
  number: string;
  dialRef: string;
  timerId: string;
  /** The queue the contact came through and its place there: where it goes back if nobody answers. */
  queue: string;
  since: number;
}

export interface ConsultLegState {
  /** The consulting agent. */
  agent: string;
  number: string;
  dialRef: string;
  /** The no-answer safety timer while dialling. */
  timerId?: string;
  status: 'dialling' | 'connected';
  callerId: CallerIdOutcome;
}

export interface RecordingState {
  state: 'off' | 'on' | 'paused';
  who: 'customer' | 'agent' | 'both';
  shieldTimerId?: string;
}

export interface TraceEntry {
  seq: number;
  at: number;
  flowId?: string;
  block?: string;
  blockType?: string;
  event?: string;
  outcome?: string;
  commands?: string[];
  /** The caller-ID decision for a call placed at this step: which rule chose which number, what was passed over. */
  callerId?: CallerIdOutcome;
  note?: string;
  /** The line a Log to the contact trace block wrote, secure values masked. */
  log?: string;
  ignored?: string;
  /** What went wrong at this step, as data: a catalogued code (errors/runtime-errors.ts) and its detail. */
  error?: RuntimeErrorInfo;
  /**
   * Blocks the contact left at this step without taking an outcome: their flow was dropped while they
   * waited (connected to an agent, moved to another queue). Traffic counts read it (docs/runtime.md).
   */
  left?: { flowId: string; block: string }[];
}

export interface CallbackState {
  request: CallbackRequest;
  attempts: number;
  phase: 'delay' | 'queued' | 'offered' | 'whisper' | 'dialling' | 'retryWait' | 'connected';
  /** The agent who accepted it (or placed it, for an agent-initiated callback). */
  agent?: string;
  /** The agent chose this caller ID among their allowed numbers. */
  agentChoice?: string;
  dialRef?: string;
  /** Initial-delay or retry-delay timer. */
  timerId?: string;
  /** maxQueueSeconds: the request is dropped when it fires. */
  expiryTimerId?: string;
  callerId?: string;
  callerIdName?: string;
  /** Why the callback still waits although its turn came: `CENTER_AT_CAPACITY` (no free line). */
  waitReason?: string;
}

export interface ContactSnapshot {
  format: 1;
  contactId: string;
  kind: 'inbound' | 'callback' | 'agentOutbound';
  /** The flow the contact began on and its published version; the contact finishes on these versions. */
  flowId: string;
  version: number;
  /** Versions of every other flow this contact has entered (modules, queue and whisper flows). */
  versions: Record<string, number>;
  status: ContactStatus;
  endReason?: string;
  startedAt: number;
  callerNumber?: string;
  dialedNumber: string;
  stack: Frame[];
  variables: Record<string, JsonValue>;
  /** CAD edit versions, per variable (optimistic concurrency for agent edits). */
  variableVersions: Record<string, number>;
  system: Record<string, JsonValue>;
  loops: Record<string, number>;
  queue?: QueueState;
  whisper: { agent?: string; customer?: string; outbound?: string };
  /** The customer-queue flow a Set customer queue flow block chose: heard in any queue instead of the queue's own. */
  queueFlow?: string;
  /** Set routing priority: the contact's priority (0-100) and queue time credited; absent: 0 and none. */
  routing?: RoutingState;
  /** Set by a Call phone number block in an outbound whisper flow. */
  outboundCallerId?: { number?: string; variable?: string; name?: string };
  recording: RecordingState;
  inConsult: boolean;
  /** While the customer keys a callback number the agent asked for: the keys so far, never heard by the agent. */
  callbackPrompt?: { agent: string; ref: string; buffer: string; timerId: string };
  callback?: CallbackState;
  /** Present while an agent's transfer to a number is being dialled. */
  transfer?: AgentTransferState;
  /** Present while an agent consults a number: the leg, dialling or answered. */
  consultLeg?: ConsultLegState;
  timers: Timer[];
  seen: string[];
  /**
   * The ref of the latest `collectDigits`: the question keys answer now. A digits event naming another
   * ref (an old webhook replayed, even after a restart) is ignored.
   */
  keysFor?: string;
  seq: number;
  steps: number;
  sameBlock: { key: string; count: number };
  /** The most recent trace entries when the host asks for them (`EngineEnv.traceTail`); see `StepResult.trace`. */
  trace: TraceEntry[];
  /** Trace entries written so far (the `seq` of the last one). */
  traceCount: number;
  /**
   * Secure values the contact has held, as text (see `secureValuesOf`): still masked after they left
   * their variable (a module that returned, a PIN keyed again), wherever a copy of them shows.
   */
  secrets?: string[];
  /** Contact variables that hold a copy of a secure value (shown masked to agents). */
  secureCopies?: string[];
}

export interface StepResult {
  snapshot: ContactSnapshot;
  commands: Command[];
  /** Trace entries this step wrote, in order: the host appends them to the contact's trace. */
  trace: TraceEntry[];
}

export interface StartContactParams {
  contactId: string;
  flowId: string;
  callerNumber?: string;
  dialedNumber: string;
  /** Initial values of flow variables (e.g. from the provider or a test). */
  variables?: Record<string, unknown>;
}
