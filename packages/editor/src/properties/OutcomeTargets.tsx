import type { Problem } from '@callflow/model';
import type { BlockView } from '../canvas/flow-graph';
import { connect, disconnect } from '../flow/flow-edits';
import { useEditorStore } from '../store/flow-store';

/** Wiring without a mouse: each outcome's next block, chosen from a list. */
export function OutcomeTargets({
  view,
  problems,
  focusPath,
}: {
  view: BlockView;
  problems: Problem[];
  focusPath?: string;
}) {
  const blocks = useEditorStore((s) => s.flow?.blocks);
  const blockIds = Object.keys(blocks ?? {});
  if (view.outcomes.length === 0) return <p className="help">This block ends the flow.</p>;
  const edit = useEditorStore.getState().edit;
  return (
    <div className="outcome-targets">
      {view.outcomes.map((o) => {
        const id = `outcome-${view.blockId}-${o.name}`;
        const own = problems.filter(
          (p) =>
            p.path === `/blocks/${view.blockId}/next/${o.name}` ||
            ((p.code === 'CF202' || p.code === 'CF207') && p.data?.outcome === o.name),
        );
        return (
          <div key={o.name} className={focusPath?.endsWith(`/next/${o.name}`) ? 'field has-focus' : 'field'}>
            <label htmlFor={id}>
              {o.label}
              {o.required ? '' : ' (optional)'}
            </label>
            <select
              id={id}
              value={o.target ?? ''}
              aria-invalid={o.broken}
              onChange={(e) => {
                const target = e.target.value;
                edit((f) =>
                  target ? connect(f, view.blockId, o.name, target) : disconnect(f, view.blockId, o.name),
                );
              }}
            >
              <option value="">
                {o.required ? 'Not wired — choose a block' : 'Not wired (disconnects)'}
              </option>
              {o.target && !blockIds.includes(o.target) && (
                <option value={o.target}>{o.target} (missing)</option>
              )}
              {blockIds.map((b) => (
                <option key={b} value={b}>
                  {b}
                </option>
              ))}
            </select>
            {own.map((p) => (
              <p key={p.code} className={p.severity === 'warning' ? 'help' : 'field-error'}>
                {p.code}: {p.message}
              </p>
            ))}
          </div>
        );
      })}
    </div>
  );
}
