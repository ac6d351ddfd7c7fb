import type { BlockDefinition } from '../block-definition.js';
import { BLOCK_TYPES, type BlockType, isBlockType } from '../block-types.js';
import { callPhoneNumber } from './call-phone-number.js';
import { checkHours } from './check-hours.js';
import { checkQueueStatus } from './check-queue-status.js';
import { checkVariable } from './check-variable.js';
import { createCallback } from './create-callback.js';
import { disconnect } from './disconnect.js';
import { distributeByPercentage } from './distribute-by-percentage.js';
import { endFlow } from './end-flow.js';
import { getDigits } from './get-digits.js';
import { httpRequest } from './http-request.js';
import { invokeModule } from './invoke-module.js';
import { logToTrace } from './log-to-trace.js';
import { loopCounter } from './loop-counter.js';
import { menu } from './menu.js';
import { offerCallback } from './offer-callback.js';
import { playHoldAudio } from './play-hold-audio.js';
import { playPrompt } from './play-prompt.js';
import { playQueueStatus } from './play-queue-status.js';
import { returnBlock } from './return.js';
import { sendMessage } from './send-message.js';
import { setCallbackNumber } from './set-callback-number.js';
import { setCustomerQueueFlow } from './set-customer-queue-flow.js';
import { setRecording } from './set-recording.js';
import { setRoutingPriority } from './set-routing-priority.js';
import { setVariables } from './set-variables.js';
import { setWhisperFlow } from './set-whisper-flow.js';
import { setWorkingQueue } from './set-working-queue.js';
import { transferToNumber } from './transfer-to-number.js';
import { transferToQueue } from './transfer-to-queue.js';
import { voicemail } from './voicemail.js';

/**
 * The block catalog by type. Typed by `BlockType`, so a type without its definition (or a definition
 * under a name that is no block type) does not compile.
 */
// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous catalog; blockDefinition() hands out a safe view
export const BLOCK_CATALOG: { readonly [T in BlockType]: BlockDefinition<any> } = {
  playPrompt,
  menu,
  getDigits,
  setRecording,
  sendMessage,
  checkVariable,
  setVariables,
  checkHours,
  loopCounter,
  distributeByPercentage,
  logToTrace,
  httpRequest,
  invokeModule,
  setWorkingQueue,
  checkQueueStatus,
  setCustomerQueueFlow,
  setRoutingPriority,
  transferToQueue,
  playQueueStatus,
  playHoldAudio,
  offerCallback,
  setCallbackNumber,
  createCallback,
  voicemail,
  transferToNumber,
  setWhisperFlow,
  callPhoneNumber,
  return: returnBlock,
  endFlow,
  disconnect,
};

/** The block catalog, in palette order. The editor, validator, docs and runtime all read this list. */
// biome-ignore lint/suspicious/noExplicitAny: as above
export const BLOCKS: readonly BlockDefinition<any>[] = BLOCK_TYPES.map((type) => BLOCK_CATALOG[type]);

export function blockDefinition(type: string): BlockDefinition<Record<string, unknown>> | undefined {
  return isBlockType(type) ? BLOCK_CATALOG[type] : undefined;
}

export function blockTypes(): BlockType[] {
  return [...BLOCK_TYPES];
}

export {
  type CheckQueueStatusSettings,
  isQueueStatusFigure,
  QUEUE_STATUS_FIGURES,
  queueStatusVariableType,
} from './check-queue-status.js';
export * from './common.js';
export { type PercentShare, percentShares } from './distribute-by-percentage.js';
export { ROUTING_PRIORITY_MAX, type SetRoutingPrioritySettings } from './set-routing-priority.js';
export type { CallerIdSetting, TransferToNumberSettings } from './transfer-to-number.js';
export type { VoicemailSettings } from './voicemail.js';
export {
  callPhoneNumber,
  checkHours,
  checkQueueStatus,
  checkVariable,
  createCallback,
  disconnect,
  distributeByPercentage,
  endFlow,
  getDigits,
  httpRequest,
  invokeModule,
  logToTrace,
  loopCounter,
  menu,
  offerCallback,
  playHoldAudio,
  playPrompt,
  playQueueStatus,
  returnBlock,
  sendMessage,
  setCallbackNumber,
  setCustomerQueueFlow,
  setRecording,
  setRoutingPriority,
  setVariables,
  setWhisperFlow,
  setWorkingQueue,
  transferToNumber,
  transferToQueue,
  voicemail,
};
