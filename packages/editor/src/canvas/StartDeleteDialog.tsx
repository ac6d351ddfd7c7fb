import { Dialog } from '../files/Dialog';
import { useStartDeleteStore } from './delete-blocks';

/** "Delete the start block?": asked before the block every call enters by is deleted. */
export function StartDeleteDialog() {
  const asking = useStartDeleteStore((s) => s.asking);
  if (!asking) return null;
  const others = asking.count - 1;
  return (
    <Dialog title="Delete the start block?" onClose={() => asking.answer(false)}>
      <p>
        <strong>{asking.start}</strong> is the start block: every call enters this flow there
        {others > 0 ? ` (and ${others} other selected block${others === 1 ? '' : 's'} will go too)` : ''}.
      </p>
      <p>
        No other block becomes the start on its own. Until you pick one with <em>Set as start</em>, the flow
        has no start (CF200) and cannot be published.
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={() => asking.answer(false)}>
          Keep it
        </button>
        <button type="button" className="danger" onClick={() => asking.answer(true)}>
          Delete the start block
        </button>
      </div>
    </Dialog>
  );
}
