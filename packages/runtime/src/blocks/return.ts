import type { JsonValue } from '@callflow/model';
import { coerceValue } from '../rules/index.js';
import { operandValue } from '../rules/placeholders.js';
import { defineBehaviour } from './behaviour.js';

/** Ends the module; each output is converted to its declared type and handed to the invoking block. */
export const returnBlock = defineBehaviour<{ outputs?: Record<string, unknown> }>({
  type: 'return',
  enter(ctx) {
    const declared = ctx.flow.module?.outputs ?? {};
    const outputs: Record<string, JsonValue> = {};
    for (const [name, operand] of Object.entries(ctx.settings.outputs ?? {})) {
      const value = operandValue(operand, ctx.lookup);
      if (value === undefined) continue;
      const type = declared[name]?.type;
      const coerced = type ? coerceValue(type, value) : { ok: true as const, value };
      if (!coerced.ok) {
        ctx.note(`output ${name} dropped: ${coerced.reason}`);
        continue;
      }
      outputs[name] = coerced.value as JsonValue;
    }
    return { end: 'return', outputs };
  },
});
