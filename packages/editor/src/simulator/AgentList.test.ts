import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AgentList } from './AgentList';
import type { AgentRow } from './call-controller';

const row = (name: string, displayName: string, state: AgentRow['state'], onCall: boolean): AgentRow => ({
  name,
  displayName,
  groups: ['billing-agents'],
  state,
  onCall,
});

function render(agents: AgentRow[]): string {
  return renderToStaticMarkup(
    createElement(AgentList, {
      agents,
      states: ['Available', 'Offline'],
      onState: () => undefined,
      onHangUp: () => undefined,
    }),
  );
}

describe('AgentList', () => {
  it('offers Hang up, named for the agent, only to an agent on a call', () => {
    const html = render([
      row('bilal.khan', 'Bilal Khan', 'Busy', true),
      row('alice.ng', 'Alice Ng', 'Available', false),
      row('carmen.diaz', 'Carmen Diaz', 'WrapUp', false),
    ]);
    expect(html.match(/<button/g)).toHaveLength(1);
    expect(html).toContain('aria-label="Hang up as Bilal Khan"');
    expect(html).not.toContain('Hang up as Alice Ng');
  });

  it('shows no Hang up while nobody is on a call', () => {
    expect(render([row('alice.ng', 'Alice Ng', 'Available', false)])).not.toContain('<button');
  });
});
