import { checkBlockId, renameBlock } from '../flow/flow-edits';
import { useEditorStore } from '../store/flow-store';
import { pendingProblem } from '../store/pending-edits';
import { usePendingText } from '../store/use-pending-text';

/**
 * Renames a block everywhere (wiring, layout, start) when the field is left or Enter is pressed (a
 * save leaves the field first, so a typed id is saved). An id that cannot be used stays in the field,
 * as a pending edit that blocks saving, until it is fixed or Escape puts the current id back.
 */
export function BlockIdField({ blockId }: { blockId: string }) {
  const flow = useEditorStore((s) => s.flow);
  const path = `/blocks/${blockId}`;
  const [text, setText] = usePendingText(`${path}#id`, blockId, (typed) => {
    const current = useEditorStore.getState().flow;
    const check = current ? checkBlockId(current, blockId, typed) : { ok: true as const };
    return check.ok
      ? null
      : {
          where: `Block id of ${blockId}`,
          tab: 'properties',
          problem: pendingProblem('CF106', `"${typed}" cannot be used: ${check.message}`, path, blockId),
        };
  });
  const check = flow ? checkBlockId(flow, blockId, text) : { ok: true as const };
  const commit = () => {
    if (text === blockId || !check.ok) return;
    const store = useEditorStore.getState();
    store.rename(`/blocks/${blockId}`, `/blocks/${text}`, { from: blockId, to: text }, (f) =>
      renameBlock(f, blockId, text),
    );
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
