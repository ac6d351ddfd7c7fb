import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useEditorStore } from '../store/flow-store';
import { searchBlocks } from './flow-graph';

export interface BlockSearchProps {
  open: boolean;
  onOpen(): void;
  onClose(): void;
  onPick(id: string): void;
}

/** Find a block by id, title, label or summary, and jump to it (Ctrl/Cmd+F). */
export function BlockSearch({ open, onOpen, onClose, onPick }: BlockSearchProps) {
  const flow = useEditorStore((s) => s.flow);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const results = useMemo(() => (flow && open ? searchBlocks(flow, query) : []), [flow, query, open]);

  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  const pick = (id: string) => {
    onPick(id);
    onClose();
    setQuery('');
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      onClose();
      setQuery('');
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((a) => Math.min(a + 1, results.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === 'Enter' && results[active]) {
      event.preventDefault();
      pick(results[active].blockId);
    }
  };

  return (
    <div className="block-search">
      <input
        ref={input}
        type="search"
        aria-label="Find block"
        aria-controls="block-search-results"
        aria-activedescendant={results[active] ? `block-search-${results[active].blockId}` : undefined}
        placeholder="Find block (Ctrl+F)"
        value={query}
        onFocus={onOpen}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(onClose, 150)}
      />
      {open && query && (
        <div
          id="block-search-results"
          role="listbox"
          aria-label="Blocks found"
          className="block-search-results"
        >
          {results.length === 0 && <p className="muted">No block matches.</p>}
          {results.map((r, i) => (
            <div
              key={r.blockId}
              id={`block-search-${r.blockId}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              className={i === active ? 'is-active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(r.blockId);
              }}
              onKeyDown={() => undefined}
            >
              <span aria-hidden="true">{r.icon}</span> <strong>{r.blockId}</strong>{' '}
              <span className="muted">
                {r.title}
                {r.summary ? ` · ${r.summary}` : ''}
              </span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
