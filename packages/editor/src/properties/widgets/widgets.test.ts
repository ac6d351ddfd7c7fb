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
  it('a transfer without caller ID passes the caller through', () => {
    const { decision } = callerIdPreview(
      'transferToNumber',
      { to: { value: '+12025550143' } },
      flow,
      resources,
    );
    expect(decision.rule).toBe('caller');
    expect(decision.reason).toContain('passed through');
  });

  it('a fixed number names the number the customer sees', () => {
    const { decision } = callerIdPreview(
      'transferToNumber',
      { callerId: { strategy: 'fixed', number: 'sales' } },
      flow,
      resources,
    );
    expect(decision).toMatchObject({ rule: 'fixed', number: '+12125550111' });
  });

  it("the queue strategy uses the flow's working queue", () => {
    const { decision, example } = callerIdPreview(
      'transferToNumber',
      { callerId: { strategy: 'queue' } },
      flow,
      resources,
    );
    expect(decision).toMatchObject({ rule: 'queue', number: '+12125550111' });
    expect(example).toContain('support');
  });

  it('an outbound whisper "Call phone number" overrides the queue caller ID', () => {
    const { decision } = callerIdPreview(
      'callPhoneNumber',
      { callerId: { strategy: 'variable', variable: 'backup' } },
      flow,
      resources,
    );
    expect(decision.rule).toBe('outboundWhisper');
    expect(decision.number).toBe('+12015550100');
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
