/** Edits of a module flow's declared inputs and outputs (`module.inputs` / `module.outputs`). */
import type { Flow, ParameterDeclaration } from '@callflow/model';

export type ParameterSide = 'inputs' | 'outputs';

export function setParameter(
  flow: Flow,
  side: ParameterSide,
  name: string,
  declaration: ParameterDeclaration,
): Flow {
  const module = { ...flow.module };
  module[side] = { ...module[side], [name]: declaration };
  return { ...flow, module };
}

export function removeParameter(flow: Flow, side: ParameterSide, name: string): Flow {
  const current = flow.module?.[side];
  if (!current?.[name]) return flow;
  const { [name]: _gone, ...rest } = current;
  const module = { ...flow.module };
  if (Object.keys(rest).length > 0) module[side] = rest;
  else delete module[side];
  const next: Flow = { ...flow, module };
  if (Object.keys(module).length === 0) delete next.module;
  return next;
}

export function renameParameter(flow: Flow, side: ParameterSide, from: string, to: string): Flow {
  const current = flow.module?.[side];
  if (!current?.[from] || current[to] || from === to) return flow;
  const renamed = Object.fromEntries(Object.entries(current).map(([k, v]) => [k === from ? to : k, v]));
  return { ...flow, module: { ...flow.module, [side]: renamed } };
}
