import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { searchNotes } from '../notes/search-notes';
import { useEditorStore } from '../store/flow-store';
import { searchBlocks } from './flow-graph';

export interface BlockSearchProps {
  open: boolean;
  onOpen(): void;
  onClose(): void;
  onPick(id: string): void;
  /** A sticky note found by its text. */
  onPickNote(id: string): void;
}

/** One row of the results: a block, or a note (notes after blocks). */
type Found = { kind: 'block'; id: string } | { kind: 'note'; id: string; excerpt: string };

/** Find a block by id, title, label or summary, or a note by its text, and jump to it (Ctrl/Cmd+F). */
export function BlockSearch({ open, onOpen, onClose, onPick, onPickNote }: BlockSearchProps) {
  const flow = useEditorStore((s) => s.flow);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const results = useMemo(() => (flow && open ? searchBlocks(flow, query) : []), [flow, query, open]);
  const notes = useMemo(() => (flow && open ? searchNotes(flow, query) : []), [flow, query, open]);
  const found = useMemo<Found[]>(
    () => [
      ...results.map((r) => ({ kind: 'block' as const, id: r.blockId })),
      ...notes.map((n) => ({ kind: 'note' as const, id: n.noteId, excerpt: n.excerpt })),
    ],
    [results, notes],
  );
  const optionId = (f: Found) => (f.kind === 'block' ? `block-search-${f.id}` : `block-search-note-${f.id}`);

  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  const pick = (f: Found) => {
    if (f.kind === 'block') onPick(f.id);
    else onPickNote(f.id);
    onClose();
    setQuery('');
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      onClose();
      setQuery('');
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((a) => Math.min(a + 1, found.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === 'Enter' && found[active]) {
      event.preventDefault();
      pick(found[active]);
    }
  };

  return (
    <div className="block-search">
      <input
        ref={input}
        type="search"
        aria-label="Find block"
        aria-controls="block-search-results"
        aria-activedescendant={found[active] ? optionId(found[active]) : undefined}
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
          {found.length === 0 && <p className="muted">No block or note matches.</p>}
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
                pick({ kind: 'block', id: r.blockId });
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
          {notes.map((n, i) => {
            const index = results.length + i;
            return (
              <div
                key={`note-${n.noteId}`}
                id={`block-search-note-${n.noteId}`}
                role="option"
                tabIndex={-1}
                aria-selected={index === active}
                className={index === active ? 'is-active' : undefined}
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick({ kind: 'note', id: n.noteId, excerpt: n.excerpt });
                }}
                onKeyDown={() => undefined}
              >
                <span aria-hidden="true">🗒</span> <strong>Note {n.noteId}</strong>{' '}
                <span className="muted">{n.excerpt}</span>
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}
