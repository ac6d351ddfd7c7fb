import type { JsonValue } from '@callflow/model';
import { coerceValue } from '../rules/index.js';
import { operandValue } from '../rules/placeholders.js';
import { defineBehaviour } from './behaviour.js';

interface InvokeModuleSettings {
  module?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, string>;
}

/** Runs a module flow with typed inputs in its own scope; its Return block's outputs come back here. */
export const invokeModule = defineBehaviour<InvokeModuleSettings>({
  type: 'invokeModule',
  enter(ctx) {
    const id = ctx.settings.module;
    if (!id) return { outcome: 'error', note: 'no module set' };
    if (ctx.contact.stack.some((f) => f.flowId === id)) {
      return {
        outcome: 'error',
        note: `module "${id}" is already running: modules cannot invoke themselves`,
      };
    }
    const module = ctx.flows.find(id);
    if (!module) return { outcome: 'error', note: `module "${id}" is not published` };
    if (module.type !== 'module')
      return { outcome: 'error', note: `flow "${id}" is a ${module.type} flow, not a module` };
    const vars: Record<string, JsonValue> = {};
    for (const [name, declaration] of Object.entries(module.module?.inputs ?? {})) {
      const operand = ctx.settings.inputs?.[name];
      const value = operand === undefined ? undefined : operandValue(operand, ctx.lookup);
      if (value === undefined) {
        if (declaration.required === true)
          return { outcome: 'error', note: `module input ${name} is required` };
        continue;
      }
      const coerced = coerceValue(declaration.type, value);
      if (!coerced.ok) return { outcome: 'error', note: `module input ${name}: ${coerced.reason}` };
      vars[name] = coerced.value as JsonValue;
    }
    return { wait: { module: id }, push: { kind: 'module', flowId: id, vars } };
  },
  childEnded(ctx, _wait, end) {
    if (!end.returned) return { outcome: 'error', note: end.reason };
    for (const [output, variable] of Object.entries(ctx.settings.outputs ?? {})) {
      if (!(output in end.outputs)) continue;
      const stored = ctx.assign(variable, end.outputs[output]);
      if (!stored.ok) return { outcome: 'error', note: `output ${output} -> ${variable}: ${stored.reason}` };
    }
    return { outcome: 'success' };
  },
});
