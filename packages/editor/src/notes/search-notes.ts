import type { Flow } from '@callflow/model';

export interface NoteMatch {
  noteId: string;
  /** The note's text on one line, cut around the match. */
  excerpt: string;
}

/** Notes whose text (or id) contains the query, case-insensitive, in file order. */
export function searchNotes(flow: Flow, query: string, limit = 10): NoteMatch[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const out: NoteMatch[] = [];
  for (const [id, note] of Object.entries(flow.notes ?? {})) {
    const text = note.text.replace(/\s+/g, ' ').trim();
    const at = text.toLowerCase().indexOf(q);
    if (at < 0 && !id.includes(q)) continue;
    const start = Math.max(0, at - 20);
    const excerpt = `${start > 0 ? '…' : ''}${text.slice(start, start + 60)}${text.length > start + 60 ? '…' : ''}`;
    out.push({ noteId: id, excerpt });
    if (out.length === limit) break;
  }
  return out;
}
