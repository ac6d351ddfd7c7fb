import { useEffect, useState } from 'react';
import { checkBlockId, renameBlock } from '../flow/flow-edits';
import { useEditorStore } from '../store/flow-store';

/** Renames a block everywhere (wiring, layout, start) when the field is left or Enter is pressed. */
export function BlockIdField({ blockId }: { blockId: string }) {
  const [text, setText] = useState(blockId);
  useEffect(() => setText(blockId), [blockId]);
  const flow = useEditorStore((s) => s.flow);
  const check = flow ? checkBlockId(flow, blockId, text) : { ok: true as const };
  const commit = () => {
    if (text === blockId) return;
    if (!check.ok) {
      setText(blockId);
      return;
    }
    const store = useEditorStore.getState();
    store.edit((f) => renameBlock(f, blockId, text));
    store.select([text]);
  };
  return (
    <div className="field">
      <label htmlFor="block-id">Block id</label>
      <input
        id="block-id"
        value={text}
        spellCheck={false}
        aria-invalid={!check.ok}
        aria-describedby="block-id-help"
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setText(blockId);
        }}
      />
      <p id="block-id-help" className={check.ok ? 'help' : 'field-error'}>
        {check.ok ? 'Renaming updates every wire to this block.' : check.message}
      </p>
    </div>
  );
}
