import { describe, expect, it } from 'vitest';
import { promptAudioNameType, promptAudioType } from './prompt-audio.js';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('prompt recordings', () => {
  it('recognises WAV and MP3 by their first bytes', () => {
    expect(promptAudioType(bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '))).toBe('wav');
    expect(promptAudioType(bytes('ID3', [4, 0]))).toBe('mp3');
    expect(promptAudioType(bytes([0xff, 0xfb, 0x90, 0x00]))).toBe('mp3');
  });

  it('refuses anything else, whatever it is called', () => {
    expect(promptAudioType(bytes('<html>'))).toBeUndefined();
    expect(promptAudioType(bytes('RIFF', [0, 0, 0, 0], 'AVI '))).toBeUndefined();
    expect(promptAudioType(bytes([0xff, 0xe8]))).toBeUndefined(); // reserved MPEG version
    expect(promptAudioType(new Uint8Array())).toBeUndefined();
  });

  it('takes only plain names ending in .wav or .mp3', () => {
    expect(promptAudioNameType('welcome.wav')).toBe('wav');
    expect(promptAudioNameType('hold-music.mp3')).toBe('mp3');
    for (const bad of ['../x.wav', 'a/b.wav', '.wav', 'x.ogg', 'x.wav.exe', 'x y.wav'])
      expect(promptAudioNameType(bad)).toBeUndefined();
  });
});
