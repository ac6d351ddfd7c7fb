/**
 * Prompt recordings uploaded from the designer: stored beside the flows as `prompts/<file>`, WAV or MP3
 * only (what Twilio's <Play> and browsers both play), recognised by their first bytes, not their name.
 */

/** Large enough for a minute of 16-bit 8 kHz WAV many times over; Twilio fetches it on every play. */
export const MAX_PROMPT_AUDIO_BYTES = 5 * 1024 * 1024;

export type PromptAudioType = 'wav' | 'mp3';

export const PROMPT_AUDIO_CONTENT_TYPES: Record<PromptAudioType, string> = {
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
};

/** The file name of a recording (without `prompts/`): a resource name ending in .wav or .mp3. */
export const PROMPT_AUDIO_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,90}\.(wav|mp3)$/;

/** What the bytes are: RIFF/WAVE, or MP3 (an ID3 tag or an MPEG audio frame header); undefined otherwise. */
export function promptAudioType(bytes: Uint8Array): PromptAudioType | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'wav';
  if (bytes.length >= 3 && ascii(0, 3) === 'ID3') return 'mp3';
  // Frame sync: 11 set bits, then an MPEG version and layer that exist (not "reserved").
  if (
    bytes.length >= 2 &&
    bytes[0] === 0xff &&
    (bytes[1]! & 0xe0) === 0xe0 &&
    (bytes[1]! & 0x18) !== 0x08 &&
    (bytes[1]! & 0x06) !== 0
  )
    return 'mp3';
  return undefined;
}

/** The type a recording's name says (`.wav`, `.mp3`); undefined for a name that is not one. */
export function promptAudioNameType(file: string): PromptAudioType | undefined {
  const match = PROMPT_AUDIO_NAME.exec(file);
  return match ? (match[1] as PromptAudioType) : undefined;
}
