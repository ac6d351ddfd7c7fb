import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Flow } from '@callflow/model';
import { beforeEach, describe, expect, it } from 'vitest';
import { type Api, ApiError } from '../api/client';
import { moveBlocks } from '../flow/flow-edits';
import { isDirty, useEditorStore } from '../store/flow-store';
import { openFlow, readFlowFile, reloadTheirs, saveDraft, saveMerged, setApi } from './file-actions';
import { useFileStore } from './file-store';

const flowsDir = fileURLToPath(new URL('../../../../flows/', import.meta.url));
const sampleFiles = readdirSync(flowsDir).filter((f) => f.endsWith('.flow.json'));

interface Saved {
  id: string;
  text: string;
  etag: string | null;
}

function fakeApi(
  files: Record<string, string>,
  options: { conflictWith?: { flow: Flow; etag: string } } = {},
) {
  const saves: Saved[] = [];
  let conflict = options.conflictWith;
  const api = {
    listFlows: async () => [],
    getFlow: async (id: string) => ({ flow: JSON.parse(files[id]!) as Flow, etag: '"1"' }),
    saveFlow: async (id: string, text: string, etag: string | null) => {
      if (conflict && etag === '"1"') {
        throw new ApiError(412, 'version_mismatch', 'stale', { current: conflict });
      }
      saves.push({ id, text, etag });
      conflict = undefined;
      return { etag: `"${saves.length + 1}"`, problems: [] };
    },
  } as unknown as Api;
  return { api, saves };
}

beforeEach(() => {
  useEditorStore.getState().close();
  useFileStore.getState().close();
});

describe('saving', () => {
  it.each(sampleFiles)('saves an unchanged %s byte for byte', async (file) => {
    const text = readFileSync(`${flowsDir}${file}`, 'utf8');
    const id = file.replace('.flow.json', '');
    const { api, saves } = fakeApi({ [id]: text });
    setApi(api);
    await openFlow(id);
    // Moving a block and moving it back leaves the document as loaded.
    const store = useEditorStore.getState();
    const first = Object.keys(store.flow!.blocks)[0]!;
    const at = store.flow!.layout?.[first] ?? { x: 0, y: 0 };
    store.edit((f) => moveBlocks(f, { [first]: { x: at.x + 50, y: at.y } }));
    store.edit((f) => moveBlocks(f, { [first]: at }));
    expect(await saveDraft()).toBe(true);
    expect(saves[0]).toEqual({ id, text, etag: '"1"' });
    expect(isDirty(useEditorStore.getState())).toBe(false);
  });

  it('refuses to save while a field holds an edit that is not applied, and says where', async () => {
    const id = sampleFiles[0]!.replace('.flow.json', '');
    const { api, saves } = fakeApi({ [id]: readFileSync(`${flowsDir}${id}.flow.json`, 'utf8') });
    setApi(api);
    await openFlow(id);
    const store = useEditorStore.getState();
    store.edit((f) => ({ ...f, name: 'Renamed' }));
    store.setPending('json', {
      where: 'the JSON view',
      text: '{',
      tab: 'json',
      problem: { code: 'CF001', severity: 'error', message: 'Invalid JSON.', path: '' },
    });
    expect(await saveDraft()).toBe(false);
    expect(saves).toEqual([]);
    expect(useEditorStore.getState().notice?.text).toMatch(/^Not saved: the JSON view holds an edit/);
    useEditorStore.getState().setPending('json', null);
    expect(await saveDraft()).toBe(true);
    expect(JSON.parse(saves[0]!.text).name).toBe('Renamed');
  });

  it('does not save while another flow is opening: Save would write the flow being left', async () => {
    const [a, b] = sampleFiles.map((f) => f.replace('.flow.json', ''));
    const files = {
      [a!]: readFileSync(`${flowsDir}${a}.flow.json`, 'utf8'),
      [b!]: readFileSync(`${flowsDir}${b}.flow.json`, 'utf8'),
    };
    const { api, saves } = fakeApi(files);
    let release: () => void = () => {};
    const slowGet = api.getFlow;
    setApi(api);
    await openFlow(a!);
    api.getFlow = async (id: string) => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return slowGet(id);
    };
    const opening = openFlow(b!);
    expect(useFileStore.getState().busy).toBe(true);
    expect(await saveDraft()).toBe(false);
    release();
    await opening;
    expect(useFileStore.getState().busy).toBe(false);
    expect(useEditorStore.getState().flow?.id).toBe(b);
    expect(await saveDraft()).toBe(true);
    expect(saves.map((s) => s.id)).toEqual([b]);
  });

  it('on a conflict over different parts, merges from the base and saves the merge with their etag', async () => {
    const text = readFileSync(`${flowsDir}${sampleFiles[0]}`, 'utf8');
    const id = sampleFiles[0]!.replace('.flow.json', '');
    const theirs = { flow: { ...(JSON.parse(text) as Flow), name: 'Renamed by someone else' }, etag: '"7"' };
    const { api, saves } = fakeApi({ [id]: text }, { conflictWith: theirs });
    setApi(api);
    await openFlow(id);
    useEditorStore.getState().edit((f) => ({ ...f, description: 'Mine' }));
    expect(await saveDraft()).toBe(true);
    expect(useFileStore.getState().dialog).toEqual({ kind: 'none' });
    expect(saves).toHaveLength(1);
    expect(saves[0]?.etag).toBe('"7"');
    expect(JSON.parse(saves[0]!.text)).toMatchObject({
      name: 'Renamed by someone else',
      description: 'Mine',
    });
    const state = useEditorStore.getState();
    expect(isDirty(state)).toBe(false);
    expect(state.notice?.text).toContain("Merged with the changes saved meanwhile (the flow's name)");
  });

  it('on a conflict over the same part, asks about that part only and saves the choice', async () => {
    const text = readFileSync(`${flowsDir}${sampleFiles[0]}`, 'utf8');
    const id = sampleFiles[0]!.replace('.flow.json', '');
    const theirs = {
      flow: { ...(JSON.parse(text) as Flow), name: 'Theirs', description: 'Their description' },
      etag: '"7"',
    };
    const { api, saves } = fakeApi({ [id]: text }, { conflictWith: theirs });
    setApi(api);
    await openFlow(id);
    const base = useEditorStore.getState().flow!;
    useEditorStore.getState().edit((f) => ({ ...f, name: 'Mine' }));
    expect(await saveDraft()).toBe(false);
    const dialog = useFileStore.getState().dialog;
    expect(dialog).toMatchObject({ kind: 'conflict', conflict: { theirs, base } });
    expect(useEditorStore.getState().flow?.name).toBe('Mine');
    if (dialog.kind !== 'conflict') throw new Error('no conflict dialog');
    expect(await saveMerged(dialog.conflict, { 'setting:name': 'mine' })).toBe(true);
    expect(saves).toHaveLength(1);
    expect(saves[0]?.etag).toBe('"7"');
    expect(JSON.parse(saves[0]!.text)).toMatchObject({ name: 'Mine', description: 'Their description' });
  });

  it('"Reload theirs" shows their version and keeps mine one undo away', async () => {
    const text = readFileSync(`${flowsDir}${sampleFiles[0]}`, 'utf8');
    const id = sampleFiles[0]!.replace('.flow.json', '');
    const theirs = { flow: { ...(JSON.parse(text) as Flow), name: 'Theirs' }, etag: '"7"' };
    setApi(fakeApi({ [id]: text }, { conflictWith: theirs }).api);
    await openFlow(id);
    useEditorStore.getState().edit((f) => ({ ...f, name: 'Mine' }));
    await saveDraft();
    reloadTheirs(theirs);
    const state = useEditorStore.getState();
    expect(state.flow?.name).toBe('Theirs');
    expect(state.etag).toBe('"7"');
    expect(isDirty(state)).toBe(false);
    state.undo();
    expect(useEditorStore.getState().flow?.name).toBe('Mine');
  });

  it('asks before opening another flow over unsaved changes', async () => {
    const text = readFileSync(`${flowsDir}${sampleFiles[0]}`, 'utf8');
    const id = sampleFiles[0]!.replace('.flow.json', '');
    setApi(fakeApi({ [id]: text, other: text }).api);
    await openFlow(id);
    useEditorStore.getState().edit((f) => ({ ...f, name: 'Changed' }));
    await openFlow('other');
    expect(useFileStore.getState().dialog).toEqual({
      kind: 'unsaved',
      then: { action: 'open', id: 'other' },
    });
    expect(useEditorStore.getState().flow?.name).toBe('Changed');
  });
});

describe('importing', () => {
  it('refuses text that is not a flow, with coded problems', () => {
    const broken = readFlowFile('{ "id": ');
    expect(broken).toMatchObject({ ok: false });
    if (!broken.ok) expect(broken.problems[0]?.code).toBe('CF001');
    const wrong = readFlowFile(
      '{"formatVersion":1,"id":"x","name":"X","type":"inbound","start":"a","blocks":{"a":{"type":"nope","settings":{}}}}',
    );
    expect(wrong.ok).toBe(false);
  });

  it('accepts a valid flow even with lint problems (they show in the Problems panel)', () => {
    const text = readFileSync(`${flowsDir}${sampleFiles[0]}`, 'utf8');
    expect(readFlowFile(text)).toMatchObject({ ok: true });
  });
});
