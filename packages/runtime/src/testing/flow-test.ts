/**
 * The flow test format (`flows/<name>.test.json`, schemas/flow-test.schema.json) as TypeScript types.
 * A scenario scripts the caller, the agents and the outside world, then states what must have happened.
 */

import type { TransferTarget } from '../types.js';

export interface FlowTest {
  $schema?: string;
  formatVersion: number;
  /** The flow under test: the call enters it. */
  flow: string;
  scenarios: Scenario[];
}

export type CallerStep = { press: string } | { wait: number } | { speak: number } | { hangUp: true };

export interface ScenarioAgent {
  state?: 'Available' | 'Offline' | 'Busy';
  availableAfterSeconds?: number;
  onOffer?: 'accept' | 'ignore';
  /** Once connected to the call, the agent blind-transfers it (once) after `afterSeconds` (default 0). */
  transferAfterAccept?: { afterSeconds?: number; to: TransferTarget };
}

export type DialAnswer = 'answer' | 'busy' | 'noAnswer' | 'fail';

export interface ScenarioHttpAnswer {
  /** Matches every request whose URL starts with this. */
  url: string;
  status?: number;
  body?: unknown;
  delaySeconds?: number;
}

export interface Scenario {
  name: string;
  call: { from: string; to: string; at: string };
  variables?: Record<string, unknown>;
  caller?: CallerStep[];
  agents?: Record<string, ScenarioAgent>;
  /** How dialled numbers answer, by number; "*" for any other. */
  dial?: Record<string, DialAnswer>;
  http?: ScenarioHttpAnswer[];
  maxSeconds?: number;
  /** Seed of the random source (Distribute by percentage, random caller ID); default 1. */
  seed?: number;
  expect: Expectation;
}

export const END_KINDS = [
  'disconnected',
  'callerHungUp',
  'connectedToAgent',
  'transferred',
  'error',
] as const;
export type EndKind = (typeof END_KINDS)[number];

export const RECORDING_ACTIONS = ['start', 'pause', 'resume', 'stop'] as const;
export type RecordingAction = (typeof RECORDING_ACTIONS)[number];

export interface Expectation {
  path?: string[];
  visits?: string[];
  notVisits?: string[];
  prompts?: string[];
  agentPrompts?: string[];
  /** Lines written by Log to the contact trace blocks, in order (substrings). */
  logs?: string[];
  queue?: string;
  offeredTo?: string;
  popover?: { label: string; value?: unknown }[];
  transfer?: { to?: string; callerId?: string; callerIdName?: string; rule?: string; sendDigits?: string };
  callback?: { number?: string; queue?: string; status?: string; callerId?: string; rule?: string };
  variables?: Record<string, unknown>;
  recording?: RecordingAction[];
  end?: EndKind;
}
