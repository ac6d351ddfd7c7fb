/**
 * The agent popover as an agent will see it (the runtime's own `popoverFor`, so preview and calls
 * agree), and the popover rules it breaks (lint codes CF400–CF411).
 */
import { type Flow, POPOVER_MAX, POPOVER_MIN, type Problem } from '@callflow/model';
import { type PopoverEntry, popoverFor } from '@callflow/runtime';

export interface PopoverPreview {
  entries: PopoverEntry[];
  /** The names listed for the popover, in order (what the admin arranges). */
  order: string[];
  /** Listed names the agent will not see, and why. */
  hidden: { name: string; why: string }[];
}

export function popoverPreview(flow: Flow): PopoverPreview {
  const entries = popoverFor(flow, {});
  const declared = flow.variables ?? {};
  const order = flow.popover ?? Object.keys(declared).filter((n) => declared[n]?.agentViewable === true);
  const shown = new Set(entries.map((e) => e.name));
  const hidden: PopoverPreview['hidden'] = [];
  order.forEach((name, index) => {
    if (shown.has(name)) return;
    const d = declared[name];
    const why = !d
      ? 'not declared'
      : d.secure
        ? 'secure variables are never shown'
        : d.type === 'json'
          ? 'JSON variables are not shown to agents'
          : index >= POPOVER_MAX
            ? `only the first ${POPOVER_MAX} are shown`
            : 'not shown';
    hidden.push({ name, why });
  });
  return { entries, order, hidden };
}

const POPOVER_CODES = /^CF4(0\d|1[01])$/;

/** Variable and popover problems, split by what they are about. */
export function variableProblems(problems: readonly Problem[]): {
  popover: Problem[];
  byVariable: Map<string, Problem[]>;
} {
  const popover: Problem[] = [];
  const byVariable = new Map<string, Problem[]>();
  for (const p of problems) {
    const variable = /^\/variables\/([^/]+)/.exec(p.path)?.[1];
    if (variable) {
      const list = byVariable.get(variable) ?? [];
      list.push(p);
      byVariable.set(variable, list);
    } else if (p.path.startsWith('/popover') || (POPOVER_CODES.test(p.code) && !p.blockId)) {
      popover.push(p);
    }
  }
  return { popover, byVariable };
}

export function popoverSizeNote(count: number): string | null {
  if (count === 0) return null;
  if (count < POPOVER_MIN)
    return `Add ${POPOVER_MIN - count} more: a popover shows at least ${POPOVER_MIN} variables.`;
  if (count > POPOVER_MAX)
    return `Remove ${count - POPOVER_MAX}: a popover shows at most ${POPOVER_MAX} variables.`;
  return null;
}

export function formatPopoverValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
