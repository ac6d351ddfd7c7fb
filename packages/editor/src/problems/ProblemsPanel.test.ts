import type { Problem } from '@callflow/model';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { newFlow } from '../flow/flow-edits';
import { useEditorStore } from '../store/flow-store';
import { ProblemsView } from './ProblemsPanel';

/** The panel as the store has it now. */
const render = () => {
  const { problems, problemsChecked } = useEditorStore.getState();
  return renderToStaticMarkup(createElement(ProblemsView, { problems, checked: problemsChecked }));
};
const problem: Problem = {
  code: 'CF202',
  severity: 'error',
  message: 'The outcome "success" of welcome leads nowhere.',
  path: '/blocks/welcome/next/success',
  blockId: 'welcome',
};

beforeEach(() => useEditorStore.getState().close());

describe('Problems panel', () => {
  it('says the flow is being checked, not that it is ready, until the opened flow has been checked', () => {
    const store = useEditorStore.getState();
    store.open(newFlow('a', 'A', 'inbound'), null);
    store.setProblems([problem]);
    expect(render()).toContain('CF202');

    // Another flow opens: the first one's problems are not shown against it, and no all-clear either.
    store.open(newFlow('b', 'B', 'inbound'), null);
    expect(useEditorStore.getState().problems).toEqual([]);
    const checking = render();
    expect(checking).toContain('Checking the flow…');
    expect(checking).not.toContain('CF202');
    expect(checking).not.toContain('ready to publish');

    store.setProblems([]);
    expect(render()).toContain('ready to publish');
  });
});
