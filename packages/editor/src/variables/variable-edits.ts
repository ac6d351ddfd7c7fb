/**
 * Edits of flow variables and of the agent popover order. Renaming a variable follows every
 * reference the block catalog reports (operands, conditions, assignments, `{{placeholders}}`), so a
 * rename never leaves a block pointing at a name that no longer exists.
 */
import { blockDefinition, type Flow, nameRegExp, type VariableDeclaration } from '@callflow/model';

export function checkVariableName(flow: Flow, name: string, current?: string): string | null {
  if (name === current) return null;
  if (!nameRegExp.test(name) || name.length > 64) return 'Start with a letter; then letters, digits or _.';
  if (flow.variables?.[name]) return `A variable named "${name}" already exists.`;
  if (flow.module?.inputs?.[name] || flow.module?.outputs?.[name]) return `"${name}" is a module parameter.`;
  return null;
}

/** `customerTier`, `customerTier2`... whichever is free. */
export function freeVariableName(flow: Flow, base = 'variable'): string {
  if (!flow.variables?.[base]) return base;
  let n = 2;
  while (flow.variables[`${base}${n}`]) n++;
  return `${base}${n}`;
}

export function declareVariable(
  flow: Flow,
  name: string,
  declaration: VariableDeclaration = { type: 'string' },
): Flow {
  if (flow.variables?.[name]) return flow;
  return { ...flow, variables: { ...flow.variables, [name]: declaration } };
}

export function updateVariable(flow: Flow, name: string, declaration: VariableDeclaration): Flow {
  if (!flow.variables?.[name]) return flow;
  return { ...flow, variables: { ...flow.variables, [name]: declaration } };
}

export function removeVariable(flow: Flow, name: string): Flow {
  if (!flow.variables?.[name]) return flow;
  const { [name]: _gone, ...variables } = flow.variables;
  const next: Flow = { ...flow, variables };
  if (Object.keys(variables).length === 0) delete next.variables;
  if (flow.popover) next.popover = flow.popover.filter((n) => n !== name);
  return next;
}

export function renameVariable(flow: Flow, from: string, to: string): Flow {
  if (from === to || !flow.variables?.[from] || checkVariableName(flow, to, from)) return flow;
  const variables = Object.fromEntries(
    Object.entries(flow.variables).map(([k, v]) => [k === from ? to : k, v]),
  );
  const blocks: Flow['blocks'] = {};
  for (const [id, block] of Object.entries(flow.blocks)) {
    const definition = blockDefinition(block.type);
    let settings = block.settings;
    let references: ReturnType<NonNullable<typeof definition>['references']> = [];
    try {
      references = definition?.references(settings) ?? [];
    } catch {
      references = [];
    }
    for (const ref of references) {
      if ((ref.kind !== 'variable' && ref.kind !== 'writableVariable') || ref.name !== from) continue;
      settings = replaceAt(settings, ref.path, (old) =>
        old === from ? to : typeof old === 'string' ? old.replace(placeholder(from), `{{${to}}}`) : old,
      );
    }
    blocks[id] = settings === block.settings ? block : { ...block, settings };
  }
  const next: Flow = { ...flow, variables, blocks };
  if (flow.popover) next.popover = flow.popover.map((n) => (n === from ? to : n));
  return next;
}

function placeholder(name: string): RegExp {
  return new RegExp(`\\{\\{\\s*${name}\\s*\\}\\}`, 'g');
}

/** Copy-on-write update of the value at a JSON pointer inside `root`. */
function replaceAt(
  root: Record<string, unknown>,
  pointer: string,
  update: (old: unknown) => unknown,
): Record<string, unknown> {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const walk = (node: unknown, index: number): unknown => {
    if (index === segments.length) return update(node);
    const key = segments[index]!;
    if (Array.isArray(node)) {
      const i = Number(key);
      if (!(i in node)) return node;
      const copy = [...node];
      copy[i] = walk(node[i], index + 1);
      return copy;
    }
    if (node !== null && typeof node === 'object' && key in node) {
      return {
        ...(node as Record<string, unknown>),
        [key]: walk((node as Record<string, unknown>)[key], index + 1),
      };
    }
    return node;
  };
  return walk(root, 0) as Record<string, unknown>;
}

export function setInPopover(flow: Flow, name: string, shown: boolean): Flow {
  const popover = flow.popover ?? [];
  if (shown === popover.includes(name)) return flow;
  const next = shown ? [...popover, name] : popover.filter((n) => n !== name);
  const out: Flow = { ...flow, popover: next };
  if (next.length === 0) delete out.popover;
  return out;
}

export function movePopoverEntry(flow: Flow, from: number, to: number): Flow {
  const popover = [...(flow.popover ?? [])];
  if (from === to || from < 0 || to < 0 || from >= popover.length || to >= popover.length) return flow;
  const [moved] = popover.splice(from, 1);
  popover.splice(to, 0, moved!);
  return { ...flow, popover };
}
