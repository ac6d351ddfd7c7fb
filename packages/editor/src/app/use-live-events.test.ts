import { describe, expect, it } from 'vitest';
import { liveEventEffect } from './use-live-events';

describe('live server events', () => {
  it('warns when someone else saves the open flow, not when the save was mine', () => {
    expect(
      liveEventEffect('flow.saved', { flowId: 'main', etag: '"9"' }, { id: 'main', etag: '"3"' })
        .warnOpenFlow,
    ).toBe(true);
    expect(
      liveEventEffect('flow.saved', { flowId: 'main', etag: '"3"' }, { id: 'main', etag: '"3"' })
        .warnOpenFlow,
    ).toBe(false);
    expect(
      liveEventEffect('flow.saved', { flowId: 'other', etag: '"9"' }, { id: 'main', etag: '"3"' })
        .warnOpenFlow,
    ).toBe(false);
  });

  it('refreshes the flow list on flow events and resources on resource events', () => {
    expect(liveEventEffect('flow.published', { flowId: 'x' }, { etag: null })).toEqual({
      refreshFlows: true,
      refreshResources: false,
      warnOpenFlow: false,
    });
    expect(liveEventEffect('resources.saved', {}, { etag: null }).refreshResources).toBe(true);
    // The flow list carries each flow's problem counts, checked against the resources: a resource
    // change (a rename, a deletion) shows at once which flows it broke.
    expect(liveEventEffect('resources.saved', {}, { etag: null }).refreshFlows).toBe(true);
    expect(liveEventEffect('resources.changedOnDisk', {}, { etag: null }).refreshFlows).toBe(true);
    expect(liveEventEffect('resources.damaged', {}, { etag: null }).refreshFlows).toBe(false);
    expect(liveEventEffect('flow.tests.saved', { flowId: 'x' }, { etag: null }).refreshFlows).toBe(false);
  });
});
