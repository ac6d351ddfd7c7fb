import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkResourcesText } from './check.js';
import { emptyResources, type Resources } from './resources.js';
import { lintResources } from './resources-lint.js';

function center(change: (r: Resources) => void = () => {}): Resources {
  const r = emptyResources();
  r.account.principalNumber = 'main';
  r.numbers = {
    main: { number: '+12125550100', displayName: 'Main' },
    sales: { number: '+12125550110', displayName: 'Sales' },
    nyc: { number: '+12125550133', displayName: 'NYC' },
    chicago: { number: '+13125550111', displayName: 'Chicago' },
  };
  r.queues = { sales: { displayName: 'Sales', agentGroup: 'sales-team' } };
  r.agentGroups = { 'sales-team': { displayName: 'Sales team' } };
  r.agents = {
    ana: {
      displayName: 'Ana',
      groups: ['sales-team'],
      allowedNumbers: ['sales', 'nyc'],
      defaultNumber: 'nyc',
      defaultOutboundQueue: 'sales',
    },
  };
  change(r);
  return r;
}

const codes = (r: Resources) => lintResources(r).map((p) => `${p.code} ${p.path}`);

describe('resources lint', () => {
  it('accepts a consistent center', () => {
    expect(codes(center())).toEqual([]);
  });

  it('CF506: an agent whose default is not among their allowed numbers', () => {
    const r = center((c) => {
      c.agents.ana!.defaultNumber = 'chicago';
    });
    expect(lintResources(r)).toEqual([
      expect.objectContaining({
        code: 'CF506',
        severity: 'error',
        path: '/agents/ana/defaultNumber',
        message: expect.stringContaining('"chicago" is not one of their allowed numbers (sales, nyc)'),
      }),
    ]);
  });

  it('a default without an allowed list is fine (every account number is allowed)', () => {
    const r = center((c) => {
      delete c.agents.ana!.allowedNumbers;
      c.agents.ana!.defaultNumber = 'chicago';
    });
    expect(codes(r)).toEqual([]);
  });

  it('names that refer to nothing: numbers, queues, groups, the callback prompt', () => {
    const r = center((c) => {
      c.agents.ana!.allowedNumbers = ['sales', 'clientb'];
      c.agents.ana!.defaultOutboundQueue = 'nowhere';
      c.agents.ana!.groups = ['sales-team', 'ghosts'];
      c.agentGroups['sales-team']!.callerIdNumber = 'gone';
      c.account.callbackPrompt = 'no-prompt';
      c.agents.ana!.defaultNumber = 'sales';
    });
    expect(codes(r).sort()).toEqual(
      [
        'CF301 /agents/ana/allowedNumbers/1',
        'CF300 /agents/ana/defaultOutboundQueue',
        'CF310 /agents/ana/groups/1',
        'CF301 /agentGroups/sales-team/callerIdNumber',
        'CF302 /account/callbackPrompt',
      ].sort(),
    );
  });

  it('CF507: a strategy for agent calls the agent cannot use', () => {
    const byGroup = center((c) => {
      c.account.agentCallerId = { strategy: 'byGroup' };
    });
    expect(codes(byGroup)).toEqual(['CF507 /agents/ana']);
    // The group's own number makes it work; a group override of the account's strategy is what counts.
    const withNumber = center((c) => {
      c.account.agentCallerId = { strategy: 'byGroup' };
      c.agentGroups['sales-team']!.callerIdNumber = 'sales';
    });
    expect(codes(withNumber)).toEqual([]);
    const groupDefault = center((c) => {
      c.agentGroups['sales-team']!.agentCallerId = { strategy: 'default' };
      delete c.agents.ana!.defaultNumber;
    });
    expect(codes(groupDefault)).toEqual(['CF507 /agents/ana']);
  });

  it('is what checkResourcesText (callflow validate) reports, located in the file', () => {
    const r = center((c) => {
      c.agents.ana!.defaultNumber = 'chicago';
    });
    const text = JSON.stringify(r, null, 2);
    const { problems } = checkResourcesText(text, { file: 'resources.json' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'CF506', file: 'resources.json' });
    expect(text.split('\n')[(problems[0]?.line ?? 0) - 1]).toContain('"defaultNumber": "chicago"');
  });

  it('the schema caps the consult popover at 6 variables and takes the new settings', () => {
    const r = center((c) => {
      c.account.consultPopover = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
      c.account.agentCallerId = { strategy: 'sameAreaCode', fallback: 'random' };
      c.account.wrapUpReasons = ['Resolved'];
    });
    const { problems } = checkResourcesText(JSON.stringify(r));
    expect(problems.map((p) => `${p.code} ${p.path}`)).toEqual(['CF105 /account/consultPopover']);
  });

  it('the sample resources pass', () => {
    const text = readFileSync(join(__dirname, '..', '..', '..', 'flows', 'resources.json'), 'utf8');
    expect(checkResourcesText(text).problems).toEqual([]);
  });
});
