import { describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../simulator/simulator.js';
import type { NumberBehaviour } from '../simulator/telephony.js';
import type { Command } from '../types.js';
import { CONSULT_DIAL_SECONDS } from './consult-leg.js';
import { parseSnapshot, serializeSnapshot } from './contact.js';
import { menuFlow, supportQueueFlow } from './test-support/fixtures.js';
import { salesQueueFlow, transferResources } from './test-support/transfer-fixtures.js';

const CALLER = '+12015550199';
const OUTSIDE = '+14155550123';

function connected(numbers: Record<string, NumberBehaviour> = {}): { sim: Simulator; id: string } {
  const sim = createSimulator({
    flows: [menuFlow(), supportQueueFlow(), salesQueueFlow()],
    resources: transferResources(),
    agents: { alice: 'Available' },
    numbers,
  });
  const id = sim.startCall({ flow: 'main', from: CALLER, to: '+12015550100' });
  sim.advance(2);
  sim.press(id, '2');
  sim.agent('alice').accept();
  expect(sim.snapshot(id)?.status).toBe('connected');
  return { sim, id };
}

function legNews(sim: Simulator, id: string) {
  return sim.events
    .filter((e) => e.contactId === id && e.direction === 'command' && e.type === 'consultLeg')
    .map((e) => e.detail as Extract<Command, { type: 'consultLeg' }>);
}

describe('a consult leg to a number', () => {
  it('is dialled with purpose consult while the customer holds, and survives a snapshot round trip', () => {
    const { sim, id } = connected();
    sim.send(id, { type: 'agentConsultDial', agent: 'alice', number: OUTSIDE });
    const s = sim.snapshot(id);
    expect(s?.consultLeg).toMatchObject({ agent: 'alice', number: OUTSIDE, status: 'dialling' });
    expect(s?.inConsult).toBe(true);
    expect(parseSnapshot(serializeSnapshot(s!)).consultLeg).toEqual(s?.consultLeg);
    expect(sim.heard(id).at(-1)).toBe('hold music');
    sim.advance(3);
    expect(sim.snapshot(id)?.consultLeg?.status).toBe('connected');
    expect(legNews(sim, id).map((c) => c.status)).toEqual(['dialling', 'connected']);
  });

  it('busy: the consult ends by itself with RT108 and the agent is back with the customer', () => {
    const { sim, id } = connected({ [OUTSIDE]: 'busy' });
    sim.send(id, { type: 'agentConsultDial', agent: 'alice', number: OUTSIDE });
    sim.advance(1);
    const s = sim.snapshot(id);
    expect(s).toMatchObject({ status: 'connected', inConsult: false });
    expect(s?.consultLeg).toBeUndefined();
    expect(legNews(sim, id).at(-1)).toMatchObject({
      status: 'ended',
      code: 'RT108',
      reason: `${OUTSIDE} was busy`,
    });
    expect(sim.trace(id)).toContainEqual(
      expect.objectContaining({ error: { code: 'RT108', detail: `${OUTSIDE} was busy` } }),
    );
  });

  it('the consulted party hangs up, or never answers: RT108 each time', () => {
    const hung = connected({ [OUTSIDE]: { answer: true, hangUpAfterSeconds: 5 } });
    hung.sim.send(hung.id, { type: 'agentConsultDial', agent: 'alice', number: OUTSIDE });
    hung.sim.advance(9);
    expect(legNews(hung.sim, hung.id).map((c) => [c.status, c.code])).toEqual([
      ['dialling', undefined],
      ['connected', undefined],
      ['ended', 'RT108'],
    ]);
    const silent = connected({ [OUTSIDE]: 'noAnswer' });
    silent.sim.send(silent.id, { type: 'agentConsultDial', agent: 'alice', number: OUTSIDE });
    silent.sim.advance(CONSULT_DIAL_SECONDS + 6);
    expect(legNews(silent.sim, silent.id).at(-1)).toMatchObject({ status: 'ended', code: 'RT108' });
    expect(silent.sim.snapshot(silent.id)?.status).toBe('connected');
  });

  it('refuses a second leg, an agent not on the call and a number the rules refuse', () => {
    const { sim, id } = connected();
    sim.send(id, { type: 'agentConsultDial', agent: 'bob', number: OUTSIDE });
    sim.send(id, { type: 'agentConsultDial', agent: 'alice', number: '911' });
    expect(sim.snapshot(id)?.consultLeg).toBeUndefined();
    sim.send(id, { type: 'agentConsultDial', agent: 'alice', number: OUTSIDE });
    sim.send(id, { type: 'agentConsultDial', agent: 'alice', number: '+14155550124' });
    sim.send(id, { type: 'agentConsultComplete', agent: 'alice' });
    const ignored = sim
      .trace(id)
      .map((e) => e.ignored)
      .filter(Boolean);
    expect(ignored).toEqual([
      'agent bob is not connected to this contact',
      expect.stringContaining('cannot dial 911'),
      `agent alice already consults ${OUTSIDE}`,
      `${OUTSIDE} has not answered yet`,
    ]);
  });
});
