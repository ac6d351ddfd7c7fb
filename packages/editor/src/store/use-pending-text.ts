import { useCallback, useLayoutEffect, useState } from 'react';
import { useEditorStore } from './flow-store';
import type { PendingEdit } from './pending-edits';

export type PendingDescription = Omit<PendingEdit, 'text'>;

/**
 * The text of a field that may show something not applied to the flow. `applied` is the stored value
 * as text; `describe` says why a text is not applied (null when it is, or is being applied). While
 * `describe` gives a reason, the text is registered as a pending edit under `key` (see
 * pending-edits.ts), and a field mounted again under the same key shows it again.
 *
 * When the stored value changes under the field (undo, the JSON view), the field shows it, unless
 * `keep` says the typed text already means it ("07" for 7).
 */
export function usePendingText(
  key: string,
  applied: string,
  describe: (text: string) => PendingDescription | null,
  keep?: (text: string, applied: string) => boolean,
): [string, (text: string) => void] {
  const [state, setState] = useState(() => ({ key, applied, text: pendingText(key) ?? applied }));
  let current = state;
  if (state.key !== key) current = { key, applied, text: pendingText(key) ?? applied };
  else if (state.applied !== applied)
    current = { key, applied, text: keep?.(state.text, applied) ? state.text : applied };
  if (current !== state) setState(current);

  const description = current.text === applied ? null : describe(current.text);
  const signature = description ? JSON.stringify(description) : '';
  const text = current.text;
  // A layout effect: the store knows before the next key press (Ctrl+S right after typing).
  useLayoutEffect(() => {
    const edit: PendingEdit | null = signature
      ? { ...(JSON.parse(signature) as PendingDescription), text }
      : null;
    useEditorStore.getState().setPending(key, edit);
  }, [key, text, signature]);

  const setText = useCallback((next: string) => setState((s) => ({ ...s, text: next })), []);
  return [text, setText];
}

function pendingText(key: string): string | undefined {
  return useEditorStore.getState().pending[key]?.text;
}
