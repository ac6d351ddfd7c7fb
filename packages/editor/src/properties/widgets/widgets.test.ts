import { blockDefinition, emptyResources, type Flow, type Resources } from '@callflow/model';
import { describe, expect, it } from 'vitest';
import { fieldInfo } from '../field-schema';
import { callerIdPreview } from './caller-id-preview';
import { offeredFlowTypes } from './flow-types';
import { keyValueShape } from './KeyValueEditor';
import { phoneNumberFeedback } from './phone-number';

const resources: Resources = {
  ...emptyResources(),
  account: { defaultRegion: 'US', principalNumber: 'main', allowedCountries: ['US', 'CA'] },
  numbers: {
    main: { number: '+12015550100', displayName: 'Main line' },
    sales: { number: '+12125550111', displayName: 'Sales' },
  },
  queues: { support: { displayName: 'Support', agentGroup: 'tier1', outboundCallerId: 'sales' } },
  agentGroups: { tier1: { displayName: 'Tier 1' } },
};

const flow: Flow = {
  formatVersion: 1,
  id: 'f',
  name: 'F',
  type: 'inbound',
  start: 'q',
  variables: { backup: { type: 'string', default: '+12015550100' } },
  blocks: { q: { type: 'setWorkingQueue', settings: { queue: 'support' } } },
};

describe('phone number field', () => {
  it('strips characters that cannot be dialled and offers E.164', () => {
    const f = phoneNumberFeedback('(202) 555-0143', resources);
    expect(f.sanitized).toBe('2025550143');
    expect(f.stripped).toBe(true);
    expect(f.check.ok).toBe(true);
    expect(f.normalized).toBe('+12025550143');
  });

  it('explains why a number is refused', () => {
    const tooShort = phoneNumberFeedback('12', resources);
    expect(tooShort.check.ok).toBe(false);
    expect(tooShort.message).not.toBe('');
    const abroad = phoneNumberFeedback('+442079460000', resources);
    expect(abroad.check).toMatchObject({ ok: false, reason: 'countryNotAllowed' });
  });
});

describe('caller ID explanation', () => {
  const transfer = (callerId?: Record<string, unknown>): Flow => ({
    ...flow,
    start: 'hours',
    blocks: {
      hours: {
        type: 'checkHours',
        settings: { hours: 'business' },
        next: { inHours: 'q', outOfHours: 'out', error: 'out' },
      },
      q: { type: 'setWorkingQueue', settings: { queue: 'support' }, next: { success: 'out', error: 'out' } },
      out: {
        type: 'transferToNumber',
        settings: {
          to: { value: '+12025550143' },
          timeoutSeconds: 30,
          resumeAfterDisconnect: false,
          ...(callerId ? { callerId } : {}),
        },
      },
    },
  });
  const answers = (f: Flow) => {
    const preview = callerIdPreview('out', f.blocks.out!.settings, f, resources);
    if (preview.kind !== 'paths') throw new Error('expected one answer per path');
    return preview.answers;
  };

  it('a transfer without caller ID passes the caller through, on every path', () => {
    const [only, ...rest] = answers(transfer());
    expect(rest).toEqual([]);
    expect(only?.decision.rule).toBe('caller');
    expect(only?.decision.reason).toContain('passed through');
  });

  it('a fixed number names the number the called party sees', () => {
    expect(answers(transfer({ strategy: 'fixed', number: 'sales' }))[0]?.decision).toMatchObject({
      rule: 'fixed',
      number: '+12125550111',
    });
  });

  it('the queue strategy answers per path: the principal number where no working queue is set', () => {
    const found = answers(transfer({ strategy: 'queue' }));
    expect(
      found.map((a) => [a.decision.rule, a.decision.number, a.situations.map((s) => s.path.join(' > '))]),
    ).toEqual([
      ['principal', '+12015550100', ['hours > out']],
      ['queue', '+12125550111', ['hours > q > out']],
    ]);
  });

  it('previews what the form shows, before the flow is stored', () => {
    const f = transfer();
    const preview = callerIdPreview(
      'out',
      { ...f.blocks.out!.settings, callerId: { strategy: 'fixed', number: 'sales' } },
      f,
      resources,
    );
    expect(preview.kind === 'paths' && preview.answers[0]?.decision.rule).toBe('fixed');
  });

  it('an outbound whisper "Call phone number" overrides the queue caller ID', () => {
    const whisper: Flow = {
      ...flow,
      type: 'outbound-whisper',
      blocks: {
        call: {
          type: 'callPhoneNumber',
          settings: { callerId: { strategy: 'variable', variable: 'backup' } },
        },
      },
    };
    const preview = callerIdPreview('call', whisper.blocks.call!.settings, whisper, resources);
    expect(preview.kind === 'example' && preview.decision).toMatchObject({
      rule: 'outboundWhisper',
      number: '+12015550100',
    });
  });
});

describe('flow picker', () => {
  it('offers only outbound-whisper flows for an outbound whisper', () => {
    const hint = blockDefinition('setWhisperFlow')!.form.find((f) => f.key === 'flow')!;
    expect(offeredFlowTypes(hint.flowTypes, { kind: 'outbound' })).toEqual(['outbound-whisper']);
    expect(offeredFlowTypes(hint.flowTypes, {})).toHaveLength(3);
    expect(offeredFlowTypes(['module'], {})).toEqual(['module']);
  });
});

describe('key/value shapes', () => {
  it('reads headers as text, body as values or variables, mappings as a list', () => {
    const http = blockDefinition('httpRequest')!;
    expect(keyValueShape(fieldInfo(http, 'headers').schema)).toEqual({ value: 'text' });
    expect(keyValueShape(fieldInfo(http, 'body').schema)).toEqual({ value: 'operand' });
    expect(keyValueShape(fieldInfo(http, 'responseMapping').schema)).toEqual({
      list: ['pointer', 'variable'],
      value: 'variable',
    });
    expect(keyValueShape(fieldInfo(blockDefinition('invokeModule')!, 'outputs').schema)).toEqual({
      value: 'variable',
    });
  });
});
