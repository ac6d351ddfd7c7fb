import { obj } from '../../blocks/index.js';
import { type Problem, pointer, problem } from '../../problems.js';
import type { LintRule } from '../rule.js';

const PLACEHOLDER = /\{\{\s*(\$?[A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * CF608: a Send a message block never names a secure variable, in its text or as the number it goes to.
 * A text message is stored by carriers and phones in clear, so the secret would leave the center; the
 * runtime refuses such a message too, and this says so where the flow is written.
 */
export const secureMessages: LintRule = (flow, { graph }) => {
  const variables = obj(flow.variables) ?? {};
  const isSecure = (name: unknown) =>
    typeof name === 'string' && Object.hasOwn(variables, name) && obj(variables[name])?.secure === true;
  const problems: Problem[] = [];
  for (const info of graph.list) {
    if (info.block.type !== 'sendMessage') continue;
    const message = info.settings.message;
    if (typeof message === 'string') {
      const named = new Set([...message.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter(isSecure));
      for (const name of named) {
        problems.push(
          problem(
            'CF608',
            `Block "${info.id}" would send the secure variable "${name}" in a text message; secure values never leave the center. Remove {{${name}}} from the message.`,
            `${info.pointer}${pointer('settings', 'message')}`,
            { blockId: info.id },
          ),
        );
      }
    }
    const to = obj(info.settings.to)?.variable;
    if (isSecure(to)) {
      problems.push(
        problem(
          'CF608',
          `Block "${info.id}" sends a text message to the secure variable "${to}"; the number would leave the center in clear. Send to a number that is not secure.`,
          `${info.pointer}${pointer('settings', 'to', 'variable')}`,
          { blockId: info.id },
        ),
      );
    }
  }
  return problems;
};
