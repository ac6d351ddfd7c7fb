/**
 * The server's live events for parts of the designer that follow calls (the simulator on the service):
 * the one event stream of the designer (`use-live-events`) hands every event here, listeners pick theirs.
 */
export type ServerEventListener = (type: string, data: Record<string, unknown>) => void;

const listeners = new Set<ServerEventListener>();

export function onServerEvent(listener: ServerEventListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function emitServerEvent(type: string, data: Record<string, unknown>): void {
  for (const listener of listeners) listener(type, data);
}
