import { describe, expect, it } from 'vitest';
import { REDACTED } from '../rules/redact.js';
import { seededRandom } from '../simulator/random.js';
import { createSimulator } from '../simulator/simulator.js';
import type { TraceEntry } from '../types.js';
import { block, flow, resources } from './test-support/fixtures.js';

// Characters that broke masking done on serialised JSON (quotes, colons, backslashes, digits that also
// occur in times and sequence numbers), plus letters, spaces and characters outside ASCII. The mask
// itself (•) is left out: a secret that is part of the mask cannot be told from it.
const ALPHABET = [
  ...'0123456789',
  '"',
  ':',
  '\\',
  '{',
  '}',
  '[',
  ']',
  ',',
  ' ',
  'a',
  'Z',
  'é',
  '日',
  '😀',
  '\n',
  "'",
  '<',
];

function randomText(random: () => number, length: number, alphabet: readonly string[]): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

const callFlow = (token: string) =>
  flow(
    'secret-call',
    'inbound',
    'set',
    {
      set: block(
        'setVariables',
        { assignments: [{ variable: 'token', value: { value: token } }] },
        { success: 'ask', error: 'bye' },
      ),
      ask: block(
        'getDigits',
        { prompt: { text: 'Your PIN, then hash.' }, variable: 'pin', maxDigits: 12, terminator: '#' },
        { success: 'say', timeout: 'bye', invalid: 'bye', error: 'bye' },
      ),
      say: block(
        'playPrompt',
        { prompt: { text: 'Token {{token}}, PIN {{pin}}.' } },
        { success: 'crm', error: 'bye' },
      ),
      crm: block(
        'httpRequest',
        {
          method: 'POST',
          url: 'https://crm.example.com/verify?t={{token}}',
          body: { pin: { variable: 'pin' }, token: { variable: 'token' } },
          responseMapping: [
            { pointer: '/tier', variable: 'tier' },
            { pointer: '/echo', variable: 'echo' },
          ],
        },
        { success: 'thanks', error: 'bye', timeout: 'bye' },
      ),
      thanks: block(
        'playPrompt',
        { prompt: { text: 'Thank you, {{tier}}.' } },
        { success: 'bye', error: 'bye' },
      ),
      bye: block('disconnect'),
    },
    {
      variables: {
        token: { type: 'string', secure: true },
        pin: { type: 'string', secure: true },
        echo: { type: 'string', secure: true },
        tier: { type: 'string' },
      },
    },
  );

/** Every string of a trace a person reads: all fields but the flow's and the engine's own ids. */
function readableStrings(trace: readonly TraceEntry[]): string[] {
  const out: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  for (const { flowId, block: _block, blockType, event, outcome, ...rest } of trace) walk(rest);
  return out;
}

describe('masking secure values in the trace (property)', () => {
  it('never breaks a step and never shows a secure value, whatever its length and characters', () => {
    const random = seededRandom(20261207);
    for (let run = 0; run < 300; run++) {
      const token = randomText(random, 1 + (run % 24), ALPHABET);
      const pin = randomText(random, 1 + Math.floor(random() * 8), [...'0123456789']);
      const sim = createSimulator({
        resources: resources(),
        flows: [callFlow(token)],
        // The web service echoes the secrets back, as a careless one does.
        http: () => ({ body: { tier: 'gold', echo: `${token}/${pin}` } }),
      });
      const id = sim.startCall({ flow: 'secret-call', from: '+12015550199', to: '+12015550100' });
      sim.press(id, `${pin}#`);
      sim.advance(30);
      const context = `token ${JSON.stringify(token)}, PIN ${pin}`;
      const trace = sim.trace(id);
      const outcomes = Object.fromEntries(trace.filter((t) => t.outcome).map((t) => [t.block, t.outcome]));
      // The key press and the web service's answer both arrived, and the call went on to its end.
      expect(outcomes, context).toMatchObject({ ask: 'success', crm: 'success', thanks: 'success' });
      expect(sim.snapshot(id)?.variables.tier, context).toBe('gold');
      expect(sim.snapshot(id)?.status, context).toBe('ended');
      expect(
        trace.filter((t) => t.error),
        context,
      ).toEqual([]);
      // A value is masked from the step that holds it on (what was traced before cannot know it).
      const from = (blockId: string) => trace.findIndex((t) => t.block === blockId);
      for (const text of readableStrings(trace.slice(from('set')))) {
        expect(text.includes(token), `${context}: ${JSON.stringify(text)}`).toBe(false);
      }
      for (const text of readableStrings(trace.slice(trace.findIndex((t) => t.event === 'digits')))) {
        expect(text.includes(pin), `${context}: ${JSON.stringify(text)}`).toBe(false);
      }
      expect(
        readableStrings(trace).some((text) => text.includes(REDACTED)),
        context,
      ).toBe(true);
    }
  });
});
