import type { ContactEvent } from '../types.js';
import type { TelephonyAdapter, TelephonyCommand } from './contract.js';

/**
 * The conformance suite every telephony adapter runs in its own vitest:
 *
 *   runAdapterConformance('twilio', async () => makeHarness(), { describe, it, expect });
 *
 * The adapter package fakes its provider's side (a caller ringing in, keys, numbers that answer or are
 * busy, time passing) through the harness's `provider`; the suite checks the contract of
 * adapter/contract.ts from the engine's point of view.
 */
export interface ConformanceHarness {
  adapter: TelephonyAdapter;
  provider: {
    /** A caller rings in; returns the contact id the adapter reports events under. */
    incomingCall(from: string, to: string): string | Promise<string>;
    press(contactId: string, digits: string): void | Promise<void>;
    hangUp(contactId: string): void | Promise<void>;
    /** How calls to `number` end from now on. */
    numberBehaves(number: string, behaviour: 'answer' | 'busy' | 'noAnswer' | 'fail'): void | Promise<void>;
    /** Lets `seconds` of provider time pass and delivers what the provider would have sent meanwhile. */
    settle(seconds: number): void | Promise<void>;
    /** The provider refuses the next command of this contact (an API error, a 500, a dropped webhook). */
    failNext(contactId: string): void | Promise<void>;
  };
  close?(): void | Promise<void>;
}

/** The part of vitest (or any compatible runner) the suite uses. */
export interface ConformanceTestApi {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => Promise<void>): void;
  expect(actual: unknown): {
    toBe(expected: unknown): void;
    toEqual(expected: unknown): void;
    toBeGreaterThan(n: number): void;
    toContain(item: unknown): void;
    not: { toContain(item: unknown): void; toBe(expected: unknown): void };
  };
}

interface Recorded {
  contactId: string;
  event: ContactEvent;
}

async function withHarness(
  make: () => ConformanceHarness | Promise<ConformanceHarness>,
  body: (h: ConformanceHarness, events: Recorded[]) => Promise<void>,
): Promise<void> {
  const harness = await make();
  const events: Recorded[] = [];
  const unsubscribe = harness.adapter.subscribe((contactId, event) => events.push({ contactId, event }));
  try {
    await body(harness, events);
  } finally {
    unsubscribe();
    await harness.close?.();
    await harness.adapter.close?.();
  }
}

const FROM = '+12015550199';
const TO = '+12015550100';
const EXTERNAL = '+13125550147';

function play(ref: string): TelephonyCommand {
  return { type: 'play', ref, to: 'caller', prompt: { text: 'Welcome to the conformance test.' } };
}

function dial(ref: string, to = EXTERNAL): TelephonyCommand {
  return { type: 'dial', ref, purpose: 'transfer', to, callerId: TO, timeoutSeconds: 20 };
}

const of = (events: Recorded[], contactId: string) =>
  events.filter((e) => e.contactId === contactId).map((e) => e.event);

export function runAdapterConformance(
  name: string,
  make: () => ConformanceHarness | Promise<ConformanceHarness>,
  t: ConformanceTestApi,
): void {
  const { describe, it, expect } = t;
  describe(`telephony adapter conformance: ${name}`, () => {
    it('reports the end of a prompt with the ref of the play command', async () => {
      await withHarness(make, async (h, events) => {
        const contact = await h.provider.incomingCall(FROM, TO);
        await h.adapter.execute(contact, play('p1'));
        await h.provider.settle(60);
        const done = of(events, contact).filter((e) => e.type === 'promptDone');
        expect(done.length).toBe(1);
        expect(done[0]).toEqual(partial({ type: 'promptDone', ref: 'p1' }, done[0]));
      });
    });

    it('reports keys the caller presses', async () => {
      await withHarness(make, async (h, events) => {
        const contact = await h.provider.incomingCall(FROM, TO);
        await h.adapter.execute(contact, { type: 'collectDigits', ref: 'c1', maxDigits: 4, terminator: '#' });
        await h.provider.press(contact, '42');
        await h.provider.settle(1);
        const typed = of(events, contact)
          .filter((e) => e.type === 'digits')
          .map((e) => (e as { digits: string }).digits)
          .join('');
        expect(typed).toBe('42');
      });
    });

    for (const [behaviour, result] of [
      ['answer', 'answered'],
      ['busy', 'busy'],
      ['noAnswer', 'noAnswer'],
      ['fail', 'failed'],
    ] as const) {
      it(`reports a dialled number that ends "${behaviour}" as dialResult ${result}`, async () => {
        await withHarness(make, async (h, events) => {
          const contact = await h.provider.incomingCall(FROM, TO);
          await h.provider.numberBehaves(EXTERNAL, behaviour);
          await h.adapter.execute(contact, dial('d1'));
          await h.provider.settle(60);
          const results = of(events, contact).filter((e) => e.type === 'dialResult');
          expect(results.length).toBeGreaterThan(0);
          expect((results[0] as { ref: string }).ref).toBe('d1');
          expect((results[0] as { result: string }).result).toBe(result);
        });
      });
    }

    it('sends a text message and reports messageResult sent with the ref of the sendMessage command', async () => {
      await withHarness(make, async (h, events) => {
        const contact = await h.provider.incomingCall(FROM, TO);
        await h.adapter.execute(contact, {
          type: 'sendMessage',
          ref: 'm1',
          to: FROM,
          from: TO,
          body: 'Booked.',
        });
        await h.provider.settle(5);
        const results = of(events, contact).filter((e) => e.type === 'messageResult');
        expect(results.length).toBe(1);
        expect((results[0] as { ref: string }).ref).toBe('m1');
        expect((results[0] as { result: string }).result).toBe('sent');
      });
    });

    it('reports a text message the provider refuses as messageResult failed, without throwing', async () => {
      await withHarness(make, async (h, events) => {
        const contact = await h.provider.incomingCall(FROM, TO);
        await h.provider.numberBehaves(EXTERNAL, 'fail');
        let threw = false;
        try {
          await h.adapter.execute(contact, {
            type: 'sendMessage',
            ref: 'm2',
            to: EXTERNAL,
            from: TO,
            body: 'Hi',
          });
        } catch {
          threw = true;
        }
        await h.provider.settle(5);
        expect(threw).toBe(false);
        const results = of(events, contact).filter((e) => e.type === 'messageResult');
        expect(results.length).toBe(1);
        expect((results[0] as { ref: string }).ref).toBe('m2');
        expect((results[0] as { result: string }).result).toBe('failed');
      });
    });

    it('reports the caller hanging up', async () => {
      await withHarness(make, async (h, events) => {
        const contact = await h.provider.incomingCall(FROM, TO);
        await h.provider.hangUp(contact);
        await h.provider.settle(1);
        expect(of(events, contact).map((e) => e.type)).toContain('callerHangUp');
      });
    });

    it('sends nothing new for a contact after hangup (a prompt cut short never reports done)', async () => {
      await withHarness(make, async (h, events) => {
        const contact = await h.provider.incomingCall(FROM, TO);
        await h.adapter.execute(contact, play('p1'));
        await h.adapter.execute(contact, { type: 'hangup', reason: 'conformance' });
        await h.provider.settle(60);
        expect(of(events, contact).map((e) => e.type)).not.toContain('promptDone');
      });
    });

    it('reports a failed command as adapterError with its ref, without throwing', async () => {
      await withHarness(make, async (h, events) => {
        const contact = await h.provider.incomingCall(FROM, TO);
        await h.provider.failNext(contact);
        let threw = false;
        try {
          await h.adapter.execute(contact, play('p9'));
        } catch {
          threw = true;
        }
        await h.provider.settle(60);
        expect(threw).toBe(false);
        const errors = of(events, contact).filter((e) => e.type === 'adapterError');
        expect(errors.length).toBe(1);
        expect((errors[0] as { ref: string }).ref).toBe('p9');
      });
    });

    it("keeps one contact's failure away from another contact", async () => {
      await withHarness(make, async (h, events) => {
        const broken = await h.provider.incomingCall(FROM, TO);
        const healthy = await h.provider.incomingCall('+12015550198', TO);
        await h.provider.failNext(broken);
        await h.adapter.execute(broken, play('b1'));
        await h.adapter.execute(healthy, play('h1'));
        await h.provider.settle(60);
        expect(of(events, healthy).map((e) => e.type)).toContain('promptDone');
        expect(of(events, healthy).map((e) => e.type)).not.toContain('adapterError');
      });
    });

    it('does not throw for a contact it does not know', async () => {
      await withHarness(make, async (h) => {
        let threw = false;
        try {
          await h.adapter.execute('no-such-contact', play('x1'));
          await h.provider.settle(5);
        } catch {
          threw = true;
        }
        expect(threw).toBe(false);
      });
    });

    it('gives every event a unique id (retried deliveries are dropped by the engine)', async () => {
      await withHarness(make, async (h, events) => {
        const contact = await h.provider.incomingCall(FROM, TO);
        await h.adapter.execute(contact, play('p1'));
        await h.provider.press(contact, '1');
        await h.provider.settle(60);
        await h.provider.hangUp(contact);
        await h.provider.settle(1);
        const ids = events.map((e) => e.event.id);
        expect(ids.length).toBeGreaterThan(2);
        expect(ids).not.toContain(undefined);
        expect(new Set(ids).size).toBe(ids.length);
      });
    });
  });
}

/** Compares only the fields the contract fixes (adapters may add `id`, `at` and their own fields). */
function partial(fixed: Record<string, unknown>, actual: unknown): unknown {
  const a = (actual ?? {}) as Record<string, unknown>;
  return { ...a, ...fixed };
}
