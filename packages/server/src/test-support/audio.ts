/** A small WAV file for upload tests: a RIFF/WAVE header, then silence. */
export function wavBytes(size = 64): Buffer {
  const bytes = Buffer.alloc(size);
  bytes.write('RIFF', 0, 'ascii');
  bytes.writeUInt32LE(size - 8, 4);
  bytes.write('WAVEfmt ', 8, 'ascii');
  return bytes;
}
