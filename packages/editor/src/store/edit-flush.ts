/**
 * Fields that apply what is typed a moment later (the JSON view waits for a pause in typing) register
 * how to apply it at once, so a save never writes the flow from before the last keystrokes.
 */
const flushes = new Set<() => void>();

/** Registers `flush`; returns how to unregister it. */
export function onFlushEdits(flush: () => void): () => void {
  flushes.add(flush);
  return () => flushes.delete(flush);
}

/**
 * Applies every edit still waiting: the registered ones, and a field that commits when it is left
 * (a block id, a variable name) by leaving it and coming back, as a click on Save would.
 */
export function flushEdits(): void {
  for (const flush of flushes) flush();
  if (typeof document === 'undefined') return;
  const active = document.activeElement;
  if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) {
    active.blur();
    active.focus();
  }
}
