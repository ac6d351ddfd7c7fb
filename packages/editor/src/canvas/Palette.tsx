import type { FlowType } from '@callflow/model';
import { type DragEvent, useMemo, useState } from 'react';
import { BLOCK_DRAG_TYPE, paletteGroups } from './palette-items';
import { useCanvasActions } from './use-canvas-actions';

/** Blocks from the catalog that the open flow's type allows; drag one onto the canvas, or click it. */
export function Palette({ flowType }: { flowType: FlowType }) {
  const [query, setQuery] = useState('');
  const groups = useMemo(() => paletteGroups(flowType, query), [flowType, query]);
  const { add } = useCanvasActions();

  const onDragStart = (event: DragEvent, type: string) => {
    event.dataTransfer.setData(BLOCK_DRAG_TYPE, type);
    event.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <section className="palette" aria-label="Palette">
      <input
        type="search"
        className="palette-search"
        aria-label="Search blocks"
        placeholder="Search blocks…"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <div className="palette-groups">
        {groups.length === 0 && <p className="muted">No block matches “{query}”.</p>}
        {groups.map((group) => (
          <section key={group.id} className="palette-group" aria-labelledby={`palette-group-${group.id}`}>
            <h3 id={`palette-group-${group.id}`}>{group.title}</h3>
            <ul>
              {group.blocks.map((block) => (
                <li key={block.type}>
                  <button
                    type="button"
                    draggable
                    className="palette-item"
                    aria-label={`Add block ${block.title}`}
                    title={block.description}
                    onDragStart={(e) => onDragStart(e, block.type)}
                    onClick={() => add(block.type)}
                  >
                    <span className="palette-icon" aria-hidden="true">
                      {block.icon}
                    </span>
                    <span>{block.title}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
