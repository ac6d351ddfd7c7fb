/**
 * The resources file: everything flows refer to by name, so that flow files stay environment-neutral
 * (no instance-specific ids). Shape of `schemas/resources.schema.json`.
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface Account {
  name?: string;
  /** ISO 3166 region used to read national numbers, e.g. "US". */
  defaultRegion: string;
  /** Name of the principal outbound number (the default callback number). */
  principalNumber: string;
  /** Countries (ISO 3166 alpha-2) external transfers and callbacks may dial: toll-fraud guard. */
  allowedCountries: string[];
  /**
   * Short codes, service codes and premium-rate numbers flows may dial anyway, each written exactly as
   * dialled ("911", "+19005550123"): the only way to permit one (toll fraud, emergency misdials).
   */
  allowedSpecialNumbers?: string[];
  maxConcurrentCalls?: number;
  /**
   * How the caller ID of calls agents place (outbound, callback, consult, transfer to a number) is
   * chosen; an agent group's own setting overrides it. Absent: the Connect rules (the queue's caller ID
   * during a call, the default outbound queue's otherwise). docs/caller-id.md.
   */
  agentCallerId?: AgentCallerIdSetting;
  /** The wrap-up reasons agents pick from after a call, in the order the desktop lists them. */
  wrapUpReasons?: string[];
  /** Variables (by name) a consult request's popover shows after agent name, DN and team: at most 6. */
  consultPopover?: string[];
  /** The prompt played to the customer when an agent prompts them for a callback number. */
  callbackPrompt?: string;
}

/**
 * The strategies for calls agents place (Vonage, Tencent, Amazon Connect), by the words admins use:
 * `queue` the Connect rules; `default` the agent's default number; `byGroup` the number of the agent's
 * group; `sameAreaCode` an allowed number with the callee's area code, else `fallback` (a `random`
 * allowed number, or the agent's `default`); `agentChooses` the number the agent picks per call.
 */
export const AGENT_CALLER_ID_STRATEGIES = [
  'queue',
  'default',
  'byGroup',
  'sameAreaCode',
  'agentChooses',
] as const;
export type AgentCallerIdStrategy = (typeof AGENT_CALLER_ID_STRATEGIES)[number];

export interface AgentCallerIdSetting {
  strategy: AgentCallerIdStrategy;
  /** `sameAreaCode` only: when no allowed number matches (default `random`). */
  fallback?: 'random' | 'default';
}

/** A named callback number (Vonage) / outbound caller ID the account owns. */
export interface PhoneNumberResource {
  /** E.164, e.g. "+12015550100". */
  number: string;
  displayName: string;
  /** Agent groups this number is bound to (Tencent "by group" strategy). */
  groups?: string[];
  /** The inbound flow that answers calls to this number (telephony adapters route by it). */
  inboundFlow?: string;
}

export interface QueueResource {
  displayName: string;
  agentGroup: string;
  /** Number name shown as caller ID on transfers and callbacks placed from this queue. */
  outboundCallerId?: string;
  outboundCallerIdName?: string;
  /** The customer-queue flow a caller hears while waiting. */
  customerQueueFlow?: string;
  /** Default whisper flows for contacts of this queue. */
  agentWhisperFlow?: string;
  customerWhisperFlow?: string;
  outboundWhisperFlow?: string;
  /** Queue capacity: transfer-to-queue takes `atCapacity` beyond it. */
  maxContacts?: number;
  /** Seconds an offered agent has to accept before RONA. */
  offerTimeoutSeconds?: number;
  /** The queue's hours of operation: what Check hours judges when the block names none. */
  hours?: string;
  /** How callbacks into this queue are tried when the request does not say (web callbacks). */
  callback?: QueueCallbackSettings;
}

export interface QueueCallbackSettings {
  initialDelaySeconds?: number;
  maxAttempts?: number;
  retryDelaySeconds?: number;
  /** The request is dropped after this long in the queue. */
  maxQueueSeconds?: number;
}

export interface AgentGroupResource {
  displayName: string;
  /** The group's outbound number: used first by agents of this group (strategy "agentGroup"/"byGroup"). */
  callerIdNumber?: string;
  /** Overrides the account's strategy for calls this group's agents place. */
  agentCallerId?: AgentCallerIdSetting;
}

export interface AgentResource {
  displayName: string;
  groups: string[];
  /** Numbers the agent may present; empty or absent means all account numbers. */
  allowedNumbers?: string[];
  /** The number the agent presents when nothing else decides; one of `allowedNumbers` (CF506). */
  defaultNumber?: string;
  /** Queue whose caller ID is used when the agent dials with no active call. */
  defaultOutboundQueue?: string;
  /** The agent's phone or extension (DN): shown as "Agent DN" in a consult popover. */
  phone?: string;
}

export interface WeeklyHours {
  days: Weekday[];
  /** "HH:MM", 24-hour, local to the time zone. */
  open: string;
  close: string;
}

export interface Holiday {
  /** "YYYY-MM-DD" local date. */
  date: string;
  name: string;
}

export interface HoursOverride {
  name: string;
  /** Local date-times "YYYY-MM-DDTHH:MM". */
  from: string;
  to: string;
  open: boolean;
}

export interface HoursResource {
  /** IANA time zone, e.g. "America/New_York". */
  timeZone: string;
  weekly: WeeklyHours[];
  holidays?: Holiday[];
  overrides?: HoursOverride[];
}

export interface PromptResource {
  /** What text-to-speech says; placeholders `{{variable}}` are plain lookups, never expressions. */
  text: string;
  audioUrl?: string;
  /** A recording uploaded beside the flows, `prompts/<file>.wav|.mp3`, played instead of the text. */
  audioFile?: string;
  language?: string;
  /** The text-to-speech voice as the provider names it ("Polly.Joanna"). */
  voice?: string;
}

export interface Resources {
  $schema?: string;
  formatVersion: number;
  account: Account;
  numbers: Record<string, PhoneNumberResource>;
  queues: Record<string, QueueResource>;
  agentGroups: Record<string, AgentGroupResource>;
  agents: Record<string, AgentResource>;
  hours: Record<string, HoursResource>;
  prompts: Record<string, PromptResource>;
  /** Hosts the HTTP-request block may call even when they resolve to private ranges. */
  httpAllowlist?: string[];
}

/** An empty resources document: what a flow is linted against when no resources file is given. */
export function emptyResources(): Resources {
  return {
    formatVersion: 1,
    account: { defaultRegion: 'US', principalNumber: '', allowedCountries: [] },
    numbers: {},
    queues: {},
    agentGroups: {},
    agents: {},
    hours: {},
    prompts: {},
  };
}
