import { describe, expect, it } from 'vitest';
import { emptyResources, type Resources } from './resources.js';
import { mergeResources } from './resources-merge.js';

function base(): Resources {
  return {
    ...emptyResources(),
    account: { defaultRegion: 'US', principalNumber: 'main', allowedCountries: ['US'] },
    numbers: { main: { number: '+12125550100', displayName: 'Main' } },
    queues: { sales: { displayName: 'Sales', agentGroup: 'sales-agents' } },
    agentGroups: { 'sales-agents': { displayName: 'Sales agents' } },
  };
}

describe('mergeResources', () => {
  it('takes each side’s change of different entries without a conflict', () => {
    const mine = base();
    mine.queues.sales = { ...mine.queues.sales!, displayName: 'Sales team' };
    const theirs = base();
    theirs.numbers.support = { number: '+12125550101', displayName: 'Support' };
    theirs.account = { ...theirs.account, allowedCountries: ['US', 'CA'] };
    const merge = mergeResources(base(), mine, theirs);
    expect(merge.conflicts).toEqual([]);
    expect(merge.resources.queues.sales!.displayName).toBe('Sales team');
    expect(merge.resources.numbers.support!.number).toBe('+12125550101');
    expect(merge.resources.account.allowedCountries).toEqual(['US', 'CA']);
    expect(merge.fromTheirs.map((u) => `${u.kind}:${u.key}`)).toEqual(['setting:account', 'numbers:support']);
  });

  it('asks about an entry both sides changed differently, and follows the choice', () => {
    const mine = base();
    mine.queues.sales = { ...mine.queues.sales!, displayName: 'Mine' };
    const theirs = base();
    theirs.queues.sales = { ...theirs.queues.sales!, displayName: 'Theirs' };
    const merge = mergeResources(base(), mine, theirs);
    expect(merge.conflicts.map((c) => `${c.kind}:${c.key}`)).toEqual(['queues:sales']);
    expect(merge.resources.queues.sales!.displayName).toBe('Mine');
    const chosen = mergeResources(base(), mine, theirs, { 'queues:sales': 'theirs' });
    expect(chosen.resources.queues.sales!.displayName).toBe('Theirs');
  });

  it('keeps a deletion on one side when the other left the entry alone', () => {
    const mine = base();
    delete (mine.numbers as Record<string, unknown>).main;
    const merge = mergeResources(base(), mine, base());
    expect(merge.resources.numbers).toEqual({});
    expect(merge.conflicts).toEqual([]);
  });
});
