import type { Flow } from '@callflow/model';
import { describe, expect, it } from 'vitest';
import { newFlow } from '../flow/flow-edits';
import { formatFlowText } from '../flow-checks';
import { NO_PENDING_EDITS } from '../store/pending-edits';
import {
  type DraftStorage,
  draftStanding,
  type LocalDraft,
  listLocalDrafts,
  readLocalDraft,
  removeLocalDraft,
  writeLocalDraft,
} from './local-drafts';

function memoryStorage(): DraftStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    key: (i) => [...items.keys()][i] ?? null,
    get length() {
      return items.size;
    },
  };
}

const base = newFlow('sales', 'Sales', 'inbound');
const edited: Flow = { ...base, name: 'Sales (edited)' };

function draft(over: Partial<LocalDraft> = {}): LocalDraft {
  return {
    flowId: 'sales',
    baseEtag: '"1"',
    base,
    flow: edited,
    pending: NO_PENDING_EDITS,
    savedAt: '2026-12-07T10:00:00.000Z',
    ...over,
  };
}

describe('local drafts', () => {
  it('writes, reads, lists newest first and removes a draft per flow', () => {
    const storage = memoryStorage();
    expect(writeLocalDraft(storage, draft())).toBe(true);
    const other = draft({
      flowId: 'other',
      flow: { ...edited, id: 'other' },
      savedAt: '2026-12-07T11:00:00.000Z',
    });
    writeLocalDraft(storage, other);
    expect(readLocalDraft(storage, 'sales')).toEqual(draft());
    expect(listLocalDrafts(storage).map((d) => d.flowId)).toEqual(['other', 'sales']);
    removeLocalDraft(storage, 'sales');
    expect(readLocalDraft(storage, 'sales')).toBeNull();
  });

  it('drops a draft it cannot read instead of offering it', () => {
    const storage = memoryStorage();
    storage.setItem('callflow.draft.sales', '{"flowId":"sales"');
    expect(readLocalDraft(storage, 'sales')).toBeNull();
    expect(storage.items.size).toBe(0);
  });

  it('says false when the browser refuses to store it', () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    expect(writeLocalDraft(storage, draft())).toBe(false);
  });

  it('tells a draft identical to what is stored, one based on it, and one older than it', () => {
    const stored = (flow: Flow, etag: string) => ({ etag, text: formatFlowText(flow) });
    expect(draftStanding(draft(), stored(edited, '"2"'), formatFlowText)).toBe('identical');
    expect(draftStanding(draft(), stored(base, '"1"'), formatFlowText)).toBe('current');
    expect(draftStanding(draft(), stored(base, '"3"'), formatFlowText)).toBe('stale');
    // Text typed and not applied is work too: the same flow with a pending edit is still offered.
    const pending = {
      json: {
        where: 'the JSON view',
        text: '{',
        tab: 'json' as const,
        problem: { code: 'CF001', severity: 'error' as const, message: 'Invalid JSON.', path: '' },
      },
    };
    expect(draftStanding(draft({ pending }), stored(edited, '"1"'), formatFlowText)).toBe('current');
  });
});
