import { defineBehaviour } from './behaviour.js';

interface SetRecordingSettings {
  action?: 'start' | 'pause' | 'resume' | 'stop';
  who?: 'customer' | 'agent' | 'both';
  privacyShieldSeconds?: number;
}

/** Start, pause (optionally a self-resuming privacy shield), resume or stop call recording. */
export const setRecording = defineBehaviour<SetRecordingSettings>({
  type: 'setRecording',
  enter(ctx) {
    const { action, who, privacyShieldSeconds } = ctx.settings;
    if (!action) return { outcome: 'error', note: 'no recording action set' };
    const done = ctx.recording.change(action, who, privacyShieldSeconds);
    return done.ok ? { outcome: 'success', note: done.note } : { outcome: 'error', note: done.reason };
  },
});
