import { useEffect, useRef } from 'react';
import type { TranscriptLine } from './simulation-view';

const WHO: Record<TranscriptLine['kind'], string> = {
  prompt: 'Flow',
  whisper: 'To agent',
  caller: 'Caller',
  agent: 'Agent',
  system: '',
  log: 'Log',
};

/** What the caller hears and does, line by line, with the simulated time of each line. */
export function Transcript({
  lines,
  timeOf,
}: {
  lines: readonly TranscriptLine[];
  timeOf: (at: number) => string;
}) {
  const end = useRef<HTMLLIElement>(null);
  const count = lines.length;
  // A block body on purpose: Chromium's scrollIntoView returns a promise, which React would take for a
  // clean-up function.
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll when a line arrives
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'nearest' });
  }, [count]);
  return (
    <ol className="sim-transcript" role="log" aria-label="Call transcript" aria-live="polite">
      {lines.map((line, i) => (
        <li
          // biome-ignore lint/suspicious/noArrayIndexKey: the transcript only grows
          key={i}
          className={`sim-line is-${line.kind}`}
          data-leg={line.leg}
          ref={i === count - 1 ? end : undefined}
        >
          <time className="sim-time">{timeOf(line.at)}</time>
          {line.leg === 'callback' && <span className="sim-leg">Callback</span>}
          {WHO[line.kind] && <span className="sim-who">{WHO[line.kind]}</span>}
          <span className="sim-text">{line.text}</span>
        </li>
      ))}
    </ol>
  );
}
