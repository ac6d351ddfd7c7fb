import { pointer, problem } from '../../problems.js';
import type { LintRule } from '../rule.js';

/** CF603: a recording pause without `privacyShieldSeconds` never resumes on its own (warning). */
export const recordingPause: LintRule = (_flow, { graph }) =>
  graph.list
    .filter(
      (info) =>
        info.block.type === 'setRecording' &&
        info.settings.action === 'pause' &&
        info.settings.privacyShieldSeconds === undefined,
    )
    .map((info) =>
      problem(
        'CF603',
        `Block "${info.id}" pauses the recording with no privacy shield, so it stays paused until a later Set recording resumes it; set "privacyShieldSeconds" to resume it on its own.`,
        `${info.pointer}${pointer('settings', 'action')}`,
        { blockId: info.id },
      ),
    );
