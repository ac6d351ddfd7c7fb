import type { PopoverEntry } from '../rules/popover.js';
import type { EndKind, RecordingAction } from './flow-test.js';

/** A block entered during the call. */
export interface BlockVisit {
  flow: string;
  block: string;
}

export interface OfferRecord {
  agent: string;
  kind: 'call' | 'callback';
  title: string;
  popover: PopoverEntry[];
  accepted?: boolean;
}

export interface DialRecord {
  purpose: string;
  to: string;
  callerId?: string;
  callerIdName?: string;
  /** Extension digits the network sent once the number answered. */
  sendDigits?: string;
  /** The caller-ID rule and its reason, from the trace. */
  rule?: string;
  reason?: string;
  result?: string;
}

export interface CallbackRecord {
  id: string;
  number: string;
  queue: string;
  /** "queued", then "offered", "dialling", "connected", or how it ended. */
  status: string;
}

/**
 * What happened during a simulated call, in the words of the test format: what expectations are
 * checked against, and what `callflow run` prints.
 */
export interface CallRecord {
  /** The flow the call entered. */
  flow: string;
  /**
   * Every block entered, in order, in any flow (modules, queue and whisper flows included), then the
   * blocks of the callbacks the call created (their outbound whisper flows).
   */
  visits: BlockVisit[];
  /** Texts played to the caller, in order. */
  prompts: string[];
  /** Texts played to the agent (whispers), in order. */
  agentPrompts: string[];
  /** Lines Log to the contact trace blocks wrote for the call, in order (secure values masked). */
  logs: string[];
  /** Queues the contact was placed in, in order. */
  queues: string[];
  offers: OfferRecord[];
  dials: DialRecord[];
  callbacks: CallbackRecord[];
  /** The contact's variables when the simulation ended. */
  variables: Record<string, unknown>;
  recording: RecordingAction[];
  end?: EndKind;
  /** The engine's words for how it ended. */
  endReason?: string;
}

/** Blocks entered in the entry flow, in order. */
export function entryPath(record: CallRecord): string[] {
  return record.visits.filter((v) => v.flow === record.flow).map((v) => v.block);
}
