import { obj } from '../../blocks/index.js';
import { accountDialOptions, checkDialNumber } from '../../numbers/index.js';
import { type Problem, type ProblemCode, pointer, problem } from '../../problems.js';
import type { LintRule } from '../rule.js';

/** Literal numbers a block dials: the setting that holds the operand, per block type. */
const DIALLED_SETTING: ReadonlyMap<string, string> = new Map([
  ['transferToNumber', 'to'],
  ['setCallbackNumber', 'number'],
  ['sendMessage', 'to'],
]);

/**
 * CF500: a literal number a flow dials (Transfer to phone number `to`, Set callback number `number`) is
 * a valid dial number; CF501: in an allowed country (toll-fraud guard, only when resources are given);
 * CF504 (an error: it blocks publishing): not an emergency number, short code, service code or
 * premium-rate number unless `account.allowedSpecialNumbers` lists it exactly. Numbers read from
 * variables are checked by the runtime, with the same allowlist.
 */
export const dialNumbers: LintRule = (_flow, { graph, resources }) => {
  const problems: Problem[] = [];
  const options = accountDialOptions(resources?.account);
  for (const info of graph.list) {
    const setting = DIALLED_SETTING.get(info.block.type);
    if (setting === undefined) continue;
    const value = obj(info.settings[setting])?.value;
    if (typeof value !== 'string') continue;
    const result = checkDialNumber(value, options);
    if (result.ok) continue;
    const code: ProblemCode =
      result.reason === 'countryNotAllowed' ? 'CF501' : result.reason === 'notDialable' ? 'CF504' : 'CF500';
    const permit =
      code === 'CF504'
        ? ` If this exact number must be dialled, list "${result.sanitized.split(':')[0]}" in account.allowedSpecialNumbers in resources.`
        : '';
    problems.push(
      problem(
        code,
        `Block "${info.id}", number to dial: ${result.message}${permit}`,
        `${info.pointer}${pointer('settings', setting, 'value')}`,
        {
          blockId: info.id,
        },
      ),
    );
  }
  return problems;
};
