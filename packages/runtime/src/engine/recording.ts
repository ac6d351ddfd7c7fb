import type { RecordingAction, RecordingOutcome } from '../blocks/behaviour.js';
import type { ContactRun } from './run.js';

/**
 * Recording as a small state machine: off -> on <-> paused -> off. A pause with a privacy shield
 * resumes on its own when its timer fires. Pausing is refused during a consult or conference.
 */
export function changeRecording(
  run: ContactRun,
  action: RecordingAction,
  who: 'customer' | 'agent' | 'both' | undefined,
  privacyShieldSeconds?: number,
): RecordingOutcome {
  const r = run.s.recording;
  switch (action) {
    case 'start':
      if (r.state !== 'off') return { ok: true, note: 'recording was already on' };
      run.s.recording = { state: 'on', who: who ?? 'both' };
      run.commands.emit({ type: 'setRecording', action: 'start', who: who ?? 'both' });
      return { ok: true, note: 'recording started' };
    case 'pause': {
      if (run.s.inConsult)
        return { ok: false, reason: 'pausing is not available during a consult or conference' };
      if (r.state !== 'on')
        return { ok: false, reason: `recording is ${r.state === 'off' ? 'not started' : 'already paused'}` };
      run.commands.emit({ type: 'setRecording', action: 'pause', who: r.who });
      run.s.recording = { state: 'paused', who: r.who };
      if (privacyShieldSeconds) {
        run.s.recording.shieldTimerId = run.commands.startTimer(privacyShieldSeconds, 'privacyShieldEnds');
        return { ok: true, note: `privacy shield: recording resumes in ${privacyShieldSeconds} s` };
      }
      return { ok: true, note: 'recording paused' };
    }
    case 'resume':
      if (r.state !== 'paused')
        return { ok: false, reason: `recording is ${r.state === 'off' ? 'not started' : 'not paused'}` };
      run.commands.cancelTimer(r.shieldTimerId);
      run.s.recording = { state: 'on', who: r.who };
      run.commands.emit({ type: 'setRecording', action: 'resume', who: r.who });
      return { ok: true, note: 'recording resumed' };
    case 'stop':
      if (r.state === 'off') return { ok: true, note: 'recording was not on' };
      run.commands.cancelTimer(r.shieldTimerId);
      run.s.recording = { state: 'off', who: r.who };
      run.commands.emit({ type: 'setRecording', action: 'stop', who: r.who });
      return { ok: true, note: 'recording stopped' };
  }
}

/** The privacy shield's time is up: recording resumes by itself. */
export function onRecordingTimer(run: ContactRun, timerId: string): boolean {
  const r = run.s.recording;
  if (r.shieldTimerId !== timerId) return false;
  run.trace.begin({ event: 'timer', note: 'privacy shield over: recording resumes' });
  run.s.recording = { state: 'on', who: r.who };
  run.commands.emit({ type: 'setRecording', action: 'resume', who: r.who });
  return true;
}
