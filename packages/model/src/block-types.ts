/**
 * Every block type, in palette order. Each layer keeps its per-type table as a
 * `Record<BlockType, ...>` (the model's catalog, the runtime's behaviours), so adding a type here is a
 * compile error in every layer until that layer has the block.
 */
export const BLOCK_TYPES = [
  'playPrompt',
  'menu',
  'getDigits',
  'setRecording',
  'sendMessage',
  'checkVariable',
  'setVariables',
  'checkHours',
  'loopCounter',
  'distributeByPercentage',
  'logToTrace',
  'httpRequest',
  'invokeModule',
  'setWorkingQueue',
  'checkQueueStatus',
  'setCustomerQueueFlow',
  'setRoutingPriority',
  'transferToQueue',
  'playQueueStatus',
  'playHoldAudio',
  'offerCallback',
  'setCallbackNumber',
  'createCallback',
  'voicemail',
  'transferToNumber',
  'setWhisperFlow',
  'callPhoneNumber',
  'return',
  'endFlow',
  'disconnect',
] as const;

export type BlockType = (typeof BLOCK_TYPES)[number];

const KNOWN: ReadonlySet<string> = new Set(BLOCK_TYPES);

export function isBlockType(type: string): type is BlockType {
  return KNOWN.has(type);
}
