import type { Flow, Problem } from '@callflow/model';
import { type DragEvent, useState } from 'react';
import { useEditorStore } from '../store/flow-store';
import { formatPopoverValue, popoverPreview, popoverSizeNote } from './popover';
import { movePopoverEntry, setInPopover } from './variable-edits';

/** The popover order (drag, or the move buttons) and a live preview of what the agent sees. */
export function PopoverEditor({ flow, problems }: { flow: Flow; problems: Problem[] }) {
  const edit = useEditorStore.getState().edit;
  const preview = popoverPreview(flow);
  const [dragging, setDragging] = useState<number | null>(null);
  const explicit = flow.popover !== undefined;
  const sizeNote = popoverSizeNote(preview.order.length);
  const brokenNames = new Set(
    problems.flatMap((p) => /^\/popover\/(\d+)/.exec(p.path)?.[1] ?? []).map((i) => preview.order[Number(i)]),
  );

  const onDrop = (event: DragEvent, to: number) => {
    event.preventDefault();
    if (dragging !== null) edit((f) => movePopoverEntry(f, dragging, to));
    setDragging(null);
  };

  return (
    <section className="popover-editor" aria-label="Agent popover">
      <h3>Agent popover</h3>
      {!explicit && preview.order.length > 0 && (
        <p className="help">No order set: agent-viewable variables are shown in declaration order.</p>
      )}
      {preview.order.length === 0 ? (
        <p className="muted">Tick “In the agent popover” on 3 to 6 variables to offer them to agents.</p>
      ) : (
        <ol className="popover-order" aria-label="Popover order">
          {preview.order.map((name, i) => (
            <li
              key={name}
              draggable={explicit}
              className={
                brokenNames.has(name) || preview.hidden.some((h) => h.name === name) ? 'is-broken' : undefined
              }
              onDragStart={() => setDragging(i)}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => onDrop(e, i)}
              onDragEnd={() => setDragging(null)}
            >
              <span aria-hidden="true">⠿</span>
              <span>
                {flow.variables?.[name]?.label ?? name} <code className="muted">{name}</code>
              </span>
              {explicit && (
                <>
                  <button
                    type="button"
                    aria-label={`Move ${name} up`}
                    disabled={i === 0}
                    onClick={() => edit((f) => movePopoverEntry(f, i, i - 1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    aria-label={`Move ${name} down`}
                    disabled={i === preview.order.length - 1}
                    onClick={() => edit((f) => movePopoverEntry(f, i, i + 1))}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    aria-label={`Remove ${name} from the popover`}
                    onClick={() => edit((f) => setInPopover(f, name, false))}
                  >
                    ✕
                  </button>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      {(sizeNote || problems.length > 0 || preview.hidden.length > 0) && (
        <ul className="field-problems" aria-label="Popover rules broken">
          {sizeNote && problems.length === 0 && <li>{sizeNote}</li>}
          {problems.map((p) => (
            <li key={`${p.code}:${p.path}`} className={p.severity === 'warning' ? 'is-warning' : undefined}>
              {p.code}: {p.message}
            </li>
          ))}
          {preview.hidden.map((h) => (
            <li key={h.name} className="is-warning">
              {h.name} is not shown: {h.why}.
            </li>
          ))}
        </ul>
      )}
      <figure className="popover-preview" aria-label="Popover preview">
        <strong>Incoming call</strong>
        {preview.entries.length === 0 ? (
          <p className="muted">The agent sees no variables.</p>
        ) : (
          <dl>
            {preview.entries.map((e) => (
              <div key={e.name} style={{ display: 'contents' }}>
                <dt>{e.label}</dt>
                <dd>{formatPopoverValue(e.value)}</dd>
              </div>
            ))}
          </dl>
        )}
        <p className="help">Values shown are the defaults; a call shows its own values.</p>
      </figure>
    </section>
  );
}
