import type { Command } from '../types.js';

/** One readable line per command for the contact trace (values are redacted by the caller). */
export function summariseCommand(command: Command): string {
  switch (command.type) {
    case 'play':
      return `play to ${command.to}${command.loop ? ' (loop)' : ''}: "${command.prompt.text}"`;
    case 'collectDigits':
      return `collect up to ${command.maxDigits} digit(s)${command.terminator ? ` ending with ${command.terminator}` : ''}`;
    case 'recordMessage':
      return `record a message: at most ${command.maxLengthSeconds} s, ends on ${command.finishKey} or ${command.silenceTimeoutSeconds} s of silence`;
    case 'dial':
      return `dial ${command.to} (${command.purpose}) showing ${command.callerId ?? 'no caller ID'}${command.callerIdName ? ` "${command.callerIdName}"` : ''}, ${command.timeoutSeconds} s`;
    case 'cancelDial':
      return `cancel dial ${command.dialRef}`;
    case 'bridge':
      return `bridge to ${command.agent ? `agent ${command.agent}` : `call ${command.dialRef ?? ''}`}`;
    case 'enqueue':
      return `enqueue in ${command.queue} (${command.kind})${command.exclude?.length ? `, passing over ${command.exclude.join(', ')} while another agent is free` : ''}`;
    case 'dequeue':
      return `leave queue ${command.queue}: ${command.reason}`;
    case 'offerToAgent':
      return `offer to ${command.agent} (${command.title}; ${command.popover.map((p) => `${p.label}: ${String(p.value)}`).join(', ')})`;
    case 'withdrawOffer':
      return `withdraw offer from ${command.agent}${command.rona ? ' (RONA)' : ''}`;
    case 'releaseAgent':
      return `release agent ${command.agent}: ${command.reason}`;
    case 'hangup':
      return `hang up: ${command.reason}`;
    case 'setRecording':
      return `recording ${command.action} (${command.who})`;
    case 'sendMessage':
      return `text message to ${command.to} from ${command.from}: "${command.body}"`;
    case 'startTimer':
      return `timer ${command.timer.id} ${command.timer.event}`;
    case 'cancelTimer':
      return `cancel timer ${command.id}`;
    case 'createCallback':
      return `create callback ${command.request.id} to ${command.request.number} in ${command.request.queue}`;
    case 'httpRequest':
      return `${command.method} ${command.url}`;
    case 'stopPlayback':
      return `stop playback to ${command.to}`;
    case 'transferResult':
      return `transfer by ${command.agent} ${command.result}: ${command.reason}`;
    case 'variableUpdate':
      return `variable ${command.name} edit by ${command.agent}: ${command.result} (version ${command.version})`;
    case 'callbackEntry':
      return `callback number for ${command.agent}: ${command.result}${command.number ? ` ${command.number}` : ''}`;
    case 'consultLeg':
      return `consult leg of ${command.agent} to ${command.number}: ${command.status} (${command.reason})`;
  }
}
