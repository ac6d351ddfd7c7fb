import { useEffect } from 'react';
import { currentToken } from '../api/token';
import { loadResources, refreshFlows } from '../files/file-actions';
import { useFileStore } from '../files/file-store';
import { useEditorStore } from '../store/flow-store';
import { emitServerEvent } from './server-events';

const REFRESH_DELAY_MS = 300;

/** What a server event means for the open designer (pure, so it is tested without a server). */
export function liveEventEffect(
  type: string,
  data: { flowId?: string; etag?: string },
  open: { id?: string; etag: string | null },
): { refreshFlows: boolean; refreshResources: boolean; warnOpenFlow: boolean } {
  // A saved test file changes no flow: the Tests tab follows it on its own.
  const flowEvent = type.startsWith('flow.') && !type.startsWith('flow.tests.');
  const changedOpen =
    (type === 'flow.saved' || type === 'flow.changedOnDisk' || type === 'flow.deleted') &&
    data.flowId !== undefined &&
    data.flowId === open.id &&
    (data.etag === undefined || data.etag !== open.etag);
  // The flow list carries each flow's problem counts, checked with the resources: a changed resources
  // file can break (or mend) any flow.
  const resourcesChanged = type === 'resources.saved' || type === 'resources.changedOnDisk';
  return {
    refreshFlows: flowEvent || resourcesChanged,
    refreshResources: type.startsWith('resources.'),
    warnOpenFlow: changedOpen,
  };
}

const EVENT_TYPES = [
  'flow.saved',
  'flow.changedOnDisk',
  'flow.deleted',
  'flow.published',
  'flow.live',
  'resources.saved',
  'resources.changedOnDisk',
  // Followed by the banner over the designer.
  'resources.damaged',
  'resources.recovered',
  // Followed by the Tests tab: a test file saved by someone else (or by Save as test elsewhere).
  'flow.tests.saved',
  // Followed by the simulator when it runs a call on the service.
  'contact.step',
  'contact.variable',
  'agent.state',
  'agent.offer',
  'agent.wrapUp',
];

/**
 * Follows the server's live events: the flow list and resources stay current, and the admin is told
 * at once when someone else saves the flow open here (saving would then show what changed).
 */
export function useLiveEvents(): void {
  // Only once the server has answered: no stream to retry against a missing server or a bad token.
  const online = useEditorStore((s) => s.online);
  useEffect(() => {
    if (!online || typeof EventSource === 'undefined') return;
    const token = currentToken();
    const source = new EventSource(`/api/events${token ? `?token=${encodeURIComponent(token)}` : ''}`);
    let opened = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = { flows: false, resources: false };
    const flush = () => {
      if (refresh.flows) void refreshFlows();
      if (refresh.resources) void loadResources();
      refresh.flows = false;
      refresh.resources = false;
    };
    source.onopen = () => {
      opened = true;
      // Whatever happened before the stream (re)connected was not streamed: followers read it again.
      emitServerEvent('stream.open', {});
    };
    // Without a server that streams events (a static preview), stop instead of retrying forever.
    source.onerror = () => {
      if (!opened) source.close();
    };
    const onEvent = (event: MessageEvent<string>) => {
      let data: { flowId?: string; etag?: string } = {};
      try {
        data = JSON.parse(event.data) as typeof data;
      } catch {
        return;
      }
      emitServerEvent(event.type, data as Record<string, unknown>);
      if (!event.type.startsWith('flow.') && !event.type.startsWith('resources.')) return;
      const { flow, etag } = useEditorStore.getState();
      const effect = liveEventEffect(event.type, data, { ...(flow ? { id: flow.id } : {}), etag });
      refresh.flows ||= effect.refreshFlows;
      refresh.resources ||= effect.refreshResources;
      clearTimeout(timer);
      timer = setTimeout(flush, REFRESH_DELAY_MS);
      if (effect.warnOpenFlow) warnWhenSettled(event.type, data);
    };
    // The event of my own save can arrive before the save's answer (and its new etag): judge it after.
    const warnWhenSettled = (type: string, data: { flowId?: string; etag?: string }) => {
      if (useFileStore.getState().busy) {
        setTimeout(() => warnWhenSettled(type, data), REFRESH_DELAY_MS);
        return;
      }
      const { flow, etag, notify } = useEditorStore.getState();
      if (liveEventEffect(type, data, { ...(flow ? { id: flow.id } : {}), etag }).warnOpenFlow) {
        useEditorStore.setState({ storedChanged: true });
        notify({
          kind: 'error',
          text:
            type === 'flow.deleted'
              ? `${data.flowId} was deleted on the server. Saving creates it again.`
              : `${data.flowId} was changed by someone else. Saving merges their changes with yours, and asks only about blocks you both changed.`,
        });
      }
    };
    for (const type of EVENT_TYPES) source.addEventListener(type, onEvent as EventListener);
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [online]);
}
