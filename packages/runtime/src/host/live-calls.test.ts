import { describe, expect, it } from 'vitest';
import { blankSnapshot } from '../engine/contact-blank.js';
import type { CallbackState, ContactSnapshot, ContactStatus } from '../types.js';
import { CENTER_AT_CAPACITY, holdsLine, LiveCalls, refusedDial } from './live-calls.js';

function inbound(id: string, status: ContactStatus = 'running'): ContactSnapshot {
  return { ...blankSnapshot('inbound', id, 'main', 1, 0, '+15550100', '+15550111'), status };
}

function callback(id: string, status: ContactStatus, phase: CallbackState['phase']): ContactSnapshot {
  const s = blankSnapshot('callback', id, '', 0, 0, '', '+15550122');
  const request = {
    id,
    number: '+15550122',
    queue: 'sales',
    dialedNumber: '',
    enqueuedAt: 0,
    initialDelaySeconds: 0,
    maxAttempts: 1,
    retryDelaySeconds: 0,
    maxQueueSeconds: 60,
  };
  return { ...s, status, callback: { request, attempts: 0, phase } };
}

describe('holdsLine', () => {
  it('counts a caller until the end, and a callback from its offer', () => {
    expect(holdsLine(inbound('a', 'queued'))).toBe(true);
    expect(holdsLine(inbound('a', 'ended'))).toBe(false);
    expect(holdsLine(inbound('a', 'transferred'))).toBe(false);
    expect(holdsLine(callback('c', 'queued', 'queued'))).toBe(false);
    expect(holdsLine(callback('c', 'running', 'retryWait'))).toBe(false);
    expect(holdsLine(callback('c', 'offered', 'queued'))).toBe(true);
    expect(holdsLine(callback('c', 'whisper', 'whisper'))).toBe(true);
    expect(holdsLine(callback('c', 'running', 'dialling'))).toBe(true);
    expect(holdsLine(callback('c', 'connected', 'connected'))).toBe(true);
  });
});

describe('LiveCalls', () => {
  it('keeps the count step by step and says when a line is given back', () => {
    const calls = new LiveCalls();
    expect(calls.track(inbound('a'))).toBe(false);
    calls.track(inbound('a', 'queued'));
    calls.track(callback('c', 'offered', 'queued'));
    expect(calls.count).toBe(2);
    expect(calls.figures(2)).toEqual({ limit: 2, liveCalls: 2, atCapacity: true });
    expect(calls.free(3)).toBe(1);
    expect(calls.free(undefined)).toBe(Number.POSITIVE_INFINITY);
    expect(calls.figures(undefined).atCapacity).toBe(false);
    expect(calls.track(inbound('a', 'ended'))).toBe(true);
    expect(calls.drop('c')).toBe(true);
    expect(calls.drop('c')).toBe(false);
    expect(calls.count).toBe(0);
  });

  it('counts a transfer leg from its dial until it fails, is cancelled or the contact ends', () => {
    const calls = new LiveCalls();
    calls.track(inbound('a'));
    const dial = {
      type: 'dial',
      ref: 'r1',
      purpose: 'transfer',
      to: '+15550199',
      timeoutSeconds: 30,
    } as const;
    calls.command('a', dial);
    expect(calls.count).toBe(2);
    expect(calls.event('a', { type: 'dialResult', ref: 'r1', result: 'answered' })).toBe(false);
    expect(calls.count).toBe(2);
    expect(calls.event('a', { type: 'dialResult', ref: 'r1', result: 'busy' })).toBe(true);
    expect(calls.count).toBe(1);
    calls.command('a', { ...dial, ref: 'r2' });
    calls.command('a', { type: 'cancelDial', dialRef: 'r2' });
    expect(calls.count).toBe(1);
    calls.command('a', { ...dial, ref: 'r3' });
    expect(calls.track(inbound('a', 'transferred'))).toBe(true);
    expect(calls.count).toBe(0);
  });

  it('does not count callback dials twice (the callback already holds its line)', () => {
    const calls = new LiveCalls();
    calls.track(callback('c', 'running', 'dialling'));
    calls.command('c', { type: 'dial', ref: 'r', purpose: 'callback', to: '+15550122', timeoutSeconds: 30 });
    expect(calls.count).toBe(1);
  });
});

describe('refusedDial', () => {
  const dial = { type: 'dial', ref: 'r1', purpose: 'transfer', to: '+15550199', timeoutSeconds: 30 } as const;

  it('refuses a transfer leg at capacity with the reason code', () => {
    const refusal = refusedDial(dial, { limit: 1, liveCalls: 1, atCapacity: true });
    expect(refusal).toMatchObject({ type: 'adapterError', ref: 'r1' });
    expect(refusal?.message.startsWith(CENTER_AT_CAPACITY)).toBe(true);
  });

  it('lets it through below the limit, and never refuses other commands', () => {
    expect(refusedDial(dial, { limit: 2, liveCalls: 1, atCapacity: false })).toBeUndefined();
    const callbackDial = { ...dial, purpose: 'callback' } as const;
    expect(refusedDial(callbackDial, { limit: 1, liveCalls: 1, atCapacity: true })).toBeUndefined();
  });
});
