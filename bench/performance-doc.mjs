// docs/performance.md as sections: rendering one, and merging the sections of a partial run
// (`npm run bench -- runtime:engine`) into the page a full run wrote, so that measuring one figure on a
// shared machine does not throw the others away.

const fmt = (v) =>
  typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(v < 10 ? 2 : 1)) : String(v);

/** The lines of one section: its table, then one note per row that has one. */
export function sectionLines(s) {
  const lines = [`## ${s.title}`, ''];
  if (s.error) return [...lines, `Benchmark failed: ${s.error}`, ''];
  lines.push('| metric | value | budget | within budget |', '| --- | --- | --- | --- |');
  for (const r of s.rows) lines.push(rowLine(r));
  const notes = s.rows.filter((r) => r.note).map((r) => `- ${r.metric}: ${r.note}`);
  if (s.notes) notes.push(...s.notes.map((n) => `- ${n}`));
  lines.push('', ...notes, ...(notes.length ? [''] : []));
  return lines;
}

function rowLine(r) {
  const budget = r.budget === undefined ? '—' : `${fmt(r.budget)} ${r.unit}`;
  const ok = r.ok === undefined ? '—' : r.ok ? 'yes' : '**no**';
  return `| ${r.metric} | ${fmt(r.value)} ${r.unit} | ${budget} | ${ok} |`;
}

/**
 * `page` with the rows of `sections` put in: a row replaces the row (and note) of the same metric in the
 * section of the same title, or is added to it; rows named in a section's `retired` are removed; a
 * section the page does not have is added at the end. `stamp` is noted under each section touched.
 */
export function mergeSections(page, sections, stamp) {
  const blocks = page.split(/\n(?=## )/);
  for (const s of sections) {
    const index = blocks.findIndex((b) => b.startsWith(`## ${s.title}\n`));
    if (index < 0 || s.error) {
      const lines = sectionLines(s);
      if (index < 0) blocks.push(lines.join('\n'));
      else blocks[index] = lines.join('\n');
      continue;
    }
    const lines = blocks[index].split('\n').filter((l) => !l.startsWith('- Partly measured again'));
    const metricOf = (line) => (line.startsWith('| ') ? line.slice(2).split(' | ')[0] : undefined);
    const noteOf = (line) =>
      s.rows
        .concat((s.retired ?? []).map((metric) => ({ metric })))
        .find((r) => line.startsWith(`- ${r.metric}: `));
    // Rows keep their place: a measured row replaces its old line, the first retired line makes room
    // for rows the page did not have, and any left over follow the table's last row.
    const fresh = new Map(s.rows.map((r) => [r.metric, rowLine(r)]));
    const retired = new Set(s.retired ?? []);
    const known = new Set(lines.map(metricOf).filter((m) => m !== undefined));
    const added = s.rows.filter((r) => !known.has(r.metric)).map(rowLine);
    const kept = [];
    for (const line of lines) {
      const metric = metricOf(line);
      if (noteOf(line)) continue;
      if (metric !== undefined && fresh.has(metric)) kept.push(fresh.get(metric));
      else if (metric !== undefined && retired.has(metric)) kept.push(...added.splice(0));
      else kept.push(line);
    }
    const lastRow = kept.reduce((at, l, i) => (l.startsWith('| ') ? i : at), -1);
    kept.splice(lastRow + 1, 0, ...added);
    const notes = s.rows.filter((r) => r.note).map((r) => `- ${r.metric}: ${r.note}`);
    while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
    // The table and its notes stay apart by one blank line (Markdown would run them together).
    if (kept.at(-1)?.startsWith('| ')) kept.push('');
    blocks[index] = [...kept, ...notes, `- Partly measured again ${stamp}.`, ''].join('\n');
  }
  return `${blocks.join('\n').replace(/\n*$/, '')}\n`;
}
