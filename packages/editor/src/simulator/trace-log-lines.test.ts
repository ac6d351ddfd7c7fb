import { describe, expect, it } from 'vitest';
import type { TranscriptLine } from './simulation-view';
import { withTraceLogLines } from './trace-log-lines';

const line = (at: number, text: string): TranscriptLine => ({ at, kind: 'prompt', text });

describe('withTraceLogLines', () => {
  it('places each logged line by its time, after the lines of the same moment', () => {
    const transcript = [line(1, 'Welcome'), line(5, 'Pressed 1'), line(9, 'Goodbye')];
    const trace = [
      { seq: 1, at: 1, block: 'welcome' },
      { seq: 2, at: 5, block: 'log', log: 'caller chose billing' },
      { seq: 3, at: 12, block: 'late', log: 'after the last line' },
    ];
    expect(withTraceLogLines(transcript, trace).map((l) => `${l.kind}:${l.text}`)).toEqual([
      'prompt:Welcome',
      'prompt:Pressed 1',
      'log:caller chose billing',
      'prompt:Goodbye',
      'log:after the last line',
    ]);
  });

  it('leaves a transcript without logged lines as it is', () => {
    const transcript = [line(1, 'Welcome')];
    expect(withTraceLogLines(transcript, [{ seq: 1, at: 1, note: 'a note is not a log line' }])).toEqual(
      transcript,
    );
  });
});
