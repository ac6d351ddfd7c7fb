import { isBlockType } from '@callflow/model';
import type { BehaviourRegistry, BlockBehaviour } from './behaviour.js';
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
 * One behaviour per block type, typed by the model's `BlockType`: a block type without its behaviour
 * does not compile. The engine does not import this table; whoever starts contacts hands it in.
 */
export const BEHAVIOURS: BehaviourRegistry = {
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

export function behaviourFor(type: string): BlockBehaviour | undefined {
  return isBlockType(type) ? BEHAVIOURS[type] : undefined;
}
