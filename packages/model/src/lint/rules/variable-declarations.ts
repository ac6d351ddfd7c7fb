import { obj } from '../../blocks/index.js';
import { literalFitsType, TYPE_NAMES } from '../../conditions.js';
import {
  type JsonValue,
  MAX_JSON_VARIABLE_BYTES,
  MAX_VARIABLE_VALUE_LENGTH,
  VARIABLE_TYPES,
  type VariableDeclaration,
} from '../../flow.js';
import { type Problem, pointer, problem } from '../../problems.js';
import type { LintRule } from '../rule.js';
import { utf8ByteLength } from '../utf8.js';

/**
 * Declared variables (docs/domain.md#contact-data-cad): defaults fit the type (CF407; date-times in ISO 8601), strings
 * hold at most 256 characters (CF404), JSON stays under its size cap (CF411) and is never shown to
 * agents (CF406); editable implies viewable (CF408); viewable variables have a desktop label (CF409).
 */
export const variableDeclarations: LintRule = (flow) => {
  const problems: Problem[] = [];
  for (const [name, raw] of Object.entries(obj(flow.variables) ?? {})) {
    const variable = obj(raw) as VariableDeclaration | undefined;
    // A type outside the list is a schema problem (CF104); nothing here can be said about its values.
    if (!variable || !(VARIABLE_TYPES as readonly unknown[]).includes(variable.type)) continue;
    const at = (...segments: string[]) => pointer('variables', name, ...segments);
    const value = variable.default as JsonValue | undefined;
    if (value !== undefined && !literalFitsType(value, variable.type)) {
      problems.push(
        problem(
          'CF407',
          `Variable "${name}" has the default ${JSON.stringify(value)}, which is not a ${TYPE_NAMES[variable.type]}; change the default or the type.`,
          at('default'),
        ),
      );
    } else if (typeof value === 'string' && value.length > MAX_VARIABLE_VALUE_LENGTH) {
      problems.push(
        problem(
          'CF404',
          `Variable "${name}" has a default of ${value.length} characters; a variable holds at most ${MAX_VARIABLE_VALUE_LENGTH}. Shorten it.`,
          at('default'),
        ),
      );
    } else if (variable.type === 'json' && value !== undefined) {
      const bytes = utf8ByteLength(JSON.stringify(value));
      if (bytes > MAX_JSON_VARIABLE_BYTES) {
        problems.push(
          problem(
            'CF411',
            `Variable "${name}" has a JSON default of ${bytes} bytes; JSON variables hold at most ${MAX_JSON_VARIABLE_BYTES}. Keep large data outside the flow and fetch it with an HTTP request.`,
            at('default'),
          ),
        );
      }
    }
    if (variable.type === 'json' && variable.agentViewable === true) {
      problems.push(
        problem(
          'CF406',
          `Variable "${name}" is JSON and marked agent viewable; agents cannot be shown JSON. Unmark it, or copy the part agents need into a text variable.`,
          at('agentViewable'),
        ),
      );
    }
    if (variable.agentEditable === true && variable.agentViewable !== true) {
      problems.push(
        problem(
          'CF408',
          `Variable "${name}" is agent editable but not agent viewable; an agent can only edit what they see. Mark it "agentViewable".`,
          at('agentEditable'),
        ),
      );
    }
    if (variable.agentViewable === true && variable.type !== 'json' && !variable.label?.trim()) {
      problems.push(
        problem(
          'CF409',
          `Variable "${name}" is shown to agents without a desktop label; give it a "label" agents understand.`,
          at(),
        ),
      );
    }
  }
  return problems;
};
