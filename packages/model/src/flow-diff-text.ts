/**
 * A flow diff as text for a terminal or a git difftool, or as Markdown for a pull-request comment.
 * Values are shown as JSON, long ones cut, so one changed prompt does not flood the review.
 */
import type {
  BlockChange,
  FieldChange,
  FlowDiff,
  NoteChange,
  OutcomeChange,
  VariableChange,
} from './flow-diff.js';
import { changesBehaviour, isEmptyDiff } from './flow-diff.js';

export interface DiffTextOptions {
  /** Names the two sides in the heading (`flows/x.flow.json`, `v3 → draft`). */
  title: string;
  markdown?: boolean;
}

const MAX_VALUE = 80;

export function formatFlowDiff(diff: FlowDiff, options: DiffTextOptions): string {
  const md = options.markdown === true;
  const lines: string[] = [md ? `### ${options.title}` : options.title, ''];
  if (isEmptyDiff(diff)) {
    lines.push(
      md
        ? '_No change in behaviour (layout only, if anything)._'
        : 'No change in behaviour (layout only, if anything).',
    );
    return `${lines.join('\n')}\n`;
  }
  lines.push(summary(diff), '');
  if (!changesBehaviour(diff))
    lines.push(md ? '_Notes only: no change in behaviour._' : 'Notes only: no change in behaviour.', '');
  const item = (mark: string, text: string) => (md ? `- ${markWord(mark)} ${text}` : `${mark} ${text}`);
  const detail = (text: string) => (md ? `  - ${text}` : `    ${text}`);
  const code = (text: string) => (md ? `\`${text.replace(/`/g, "'")}\`` : text);

  for (const change of diff.flow) lines.push(item('~', `flow ${fieldText(change, code)}`));
  for (const block of diff.blocks) {
    lines.push(item(MARKS[block.kind], `block ${code(block.id)} (${block.type})`));
    for (const field of block.fields) lines.push(detail(fieldText(field, code)));
    for (const field of block.settings) lines.push(detail(`settings.${fieldText(field, code)}`));
    for (const outcome of block.outcomes) lines.push(detail(outcomeText(outcome, block, code)));
  }
  for (const variable of diff.variables) lines.push(...variableLines(variable, item, detail, code));
  if (diff.popover) {
    const list = (names: string[]) => (names.length > 0 ? names.map(code).join(', ') : '(none)');
    lines.push(item('~', `popover ${list(diff.popover.before)} → ${list(diff.popover.after)}`));
  }
  for (const note of diff.notes) {
    lines.push(item(MARKS[note.kind], noteTitle(note, code)));
    for (const field of note.fields) lines.push(detail(fieldText(field, code)));
  }
  return `${lines.join('\n')}\n`;
}

const MARKS: Record<BlockChange['kind'], string> = { added: '+', removed: '-', changed: '~' };

function markWord(mark: string): string {
  return mark === '+' ? '**added**' : mark === '-' ? '**removed**' : '**changed**';
}

export function summary(diff: FlowDiff): string {
  const count = (kind: BlockChange['kind']) => diff.blocks.filter((b) => b.kind === kind).length;
  const parts: string[] = [];
  for (const kind of ['added', 'removed', 'changed'] as const) {
    const n = count(kind);
    if (n > 0) parts.push(`${n} block${n === 1 ? '' : 's'} ${kind}`);
  }
  if (diff.variables.length > 0)
    parts.push(`${diff.variables.length} variable${diff.variables.length === 1 ? '' : 's'} changed`);
  if (diff.popover) parts.push('popover changed');
  if (diff.flow.length > 0)
    parts.push(`${diff.flow.length} flow setting${diff.flow.length === 1 ? '' : 's'} changed`);
  for (const kind of ['added', 'removed', 'changed'] as const) {
    const n = diff.notes.filter((note) => note.kind === kind).length;
    if (n > 0) parts.push(`${n} note${n === 1 ? '' : 's'} ${kind}`);
  }
  return `${parts.join(', ')}.`;
}

/** `note welcome-tip "Greets in two languages…"`: the id and the start of its text. */
export function noteTitle(note: NoteChange, code: (text: string) => string = (t) => t): string {
  return `note ${code(note.id)} ${code(show(note.text.replace(/\s+/g, ' ').trim()))}`;
}

function variableLines(
  variable: VariableChange,
  item: (mark: string, text: string) => string,
  detail: (text: string) => string,
  code: (text: string) => string,
): string[] {
  const lines = [item(MARKS[variable.kind], `variable ${code(variable.name)}`)];
  for (const field of variable.fields) lines.push(detail(fieldText(field, code)));
  return lines;
}

export function fieldText(change: FieldChange, code: (text: string) => string = (t) => t): string {
  if (!('before' in change)) return `${change.path}: added ${code(show(change.after))}`;
  if (!('after' in change)) return `${change.path}: removed (was ${code(show(change.before))})`;
  return `${change.path}: ${code(show(change.before))} → ${code(show(change.after))}`;
}

export function outcomeText(
  change: OutcomeChange,
  block: Pick<BlockChange, 'kind'>,
  code: (text: string) => string = (t) => t,
): string {
  if (block.kind === 'added') return `outcome ${change.outcome} → ${code(change.after ?? '')}`;
  if (block.kind === 'removed') return `outcome ${change.outcome} went to ${code(change.before ?? '')}`;
  const from = change.before === undefined ? '(not wired)' : code(change.before);
  const to = change.after === undefined ? '(not wired)' : code(change.after);
  return `outcome ${change.outcome}: ${from} → ${to}`;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length <= MAX_VALUE ? text : `${text.slice(0, MAX_VALUE - 1)}…`;
}
