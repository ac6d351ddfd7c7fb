import type { Block, Flow } from '@callflow/model';
import { describe, expect, it } from 'vitest';
import { foreseeOutboundWhisper } from './outbound-whisper-forecast.js';

function whisper(blocks: Record<string, Block>, variables: Flow['variables'] = {}): Flow {
  return { formatVersion: 1, id: 'ow', name: 'OW', type: 'outbound-whisper', start: 'a', variables, blocks };
}
const fixed = (number: string, next?: string): Block => ({
  type: 'callPhoneNumber',
  settings: { callerId: { strategy: 'fixed', number }, callerIdName: 'Main' },
  ...(next ? { next: { success: next } } : {}),
});
const end: Block = { type: 'endFlow', settings: {} };

describe('foreseeOutboundWhisper', () => {
  it('a fixed Call phone number reached on every run sets the number (and its name)', () => {
    const flow = whisper({
      a: { type: 'playPrompt', settings: { prompt: { text: 'hi' } }, next: { success: 'b' } },
      b: fixed('main', 'c'),
      c: end,
    });
    expect(foreseeOutboundWhisper(flow)).toEqual({
      kind: 'sets',
      flow: 'ow',
      block: 'b',
      number: 'main',
      name: 'Main',
    });
  });

  it('a Check variable is followed with the declared defaults', () => {
    const rules = [{ outcome: 'yes', when: { variable: 'v', operator: 'isNotEmpty' } }];
    const blocks: Record<string, Block> = {
      a: { type: 'checkVariable', settings: { rules }, next: { yes: 'b', noMatch: 'c' } },
      b: fixed('campaign', 'd'),
      c: fixed('main', 'd'),
      d: end,
    };
    const empty = whisper(blocks, { v: { type: 'string', default: '' } });
    expect(foreseeOutboundWhisper(empty)).toMatchObject({ kind: 'sets', block: 'c', number: 'main' });
    const set = whisper(blocks, { v: { type: 'string', default: 'x' } });
    expect(foreseeOutboundWhisper(set)).toMatchObject({ kind: 'sets', block: 'b', number: 'campaign' });
  });

  it('a number read from a variable, or a condition on data only the call has, may override', () => {
    const fromVariable = whisper({
      a: { type: 'callPhoneNumber', settings: { callerId: { strategy: 'variable', variable: 'v' } } },
    });
    expect(foreseeOutboundWhisper(fromVariable)).toEqual({ kind: 'mayOverride', flow: 'ow', block: 'a' });
    const rules = [{ outcome: 'yes', when: { variable: '$callbackNumber', operator: 'isNotEmpty' } }];
    const onCallData = whisper({
      a: { type: 'checkVariable', settings: { rules }, next: { yes: 'b', noMatch: 'c' } },
      b: fixed('main'),
      c: end,
    });
    expect(foreseeOutboundWhisper(onCallData)).toEqual({ kind: 'mayOverride', flow: 'ow', block: 'b' });
  });

  it('an unforeseeable block or a loop: may override when the flow has a Call phone number, else none', () => {
    const http = whisper({
      a: { type: 'httpRequest', settings: {}, next: { success: 'b' } },
      b: fixed('main'),
    });
    expect(foreseeOutboundWhisper(http)).toEqual({ kind: 'mayOverride', flow: 'ow', block: 'b' });
    const loop = whisper({ a: { type: 'playPrompt', settings: {}, next: { success: 'a' } } });
    expect(foreseeOutboundWhisper(loop)).toEqual({ kind: 'none' });
    expect(foreseeOutboundWhisper(whisper({ a: end, b: fixed('main') }))).toEqual({ kind: 'none' });
  });
});
