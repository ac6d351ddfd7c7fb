/**
 * Follows the agent's live events (`GET /api/events`; an agent token's stream carries its own agent,
 * its contact and the other agents' states). Each event re-reads what it changed: the agent, its
 * contact, or the transfer list.
 */
import { useEffect } from 'react';
import { refreshAgent, refreshProfile } from './desktop-store';
import { desktopToken } from './desktop-token';

const EVENT_TYPES = [
  'agent.state',
  'agent.offer',
  'agent.wrapUp',
  'agent.transfer',
  'agent.consult',
  'agent.pendingCallback',
  'contact.step',
  'contact.variable',
];

export function useDesktopEvents(agent: string | null): void {
  useEffect(() => {
    if (!agent || typeof EventSource === 'undefined') return;
    const token = desktopToken();
    const source = new EventSource(`/api/events${token ? `?token=${encodeURIComponent(token)}` : ''}`);
    // One refresh at a time; events arriving meanwhile ask for one more after it.
    let running = false;
    let again = false;
    const refresh = async (): Promise<void> => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          await refreshAgent().catch(() => undefined);
        } while (again);
      } finally {
        running = false;
      }
    };
    // Whatever happened while the stream was down was not streamed: read everything again.
    source.onopen = () => void refresh();
    const onEvent = (event: MessageEvent<string>) => {
      let data: { agent?: string } = {};
      try {
        data = JSON.parse(event.data) as typeof data;
      } catch {
        return;
      }
      // Another agent's state changes only whom this agent may transfer to.
      if (event.type === 'agent.state' && data.agent !== agent) {
        void refreshProfile().catch(() => undefined);
        return;
      }
      void refresh();
    };
    for (const type of EVENT_TYPES) source.addEventListener(type, onEvent as EventListener);
    return () => source.close();
  }, [agent]);
}
