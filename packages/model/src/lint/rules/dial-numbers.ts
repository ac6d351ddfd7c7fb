import { obj } from '../../blocks/index.js';
import { checkDialNumber } from '../../numbers/index.js';
import { type Problem, type ProblemCode, pointer, problem } from '../../problems.js';
import type { LintRule } from '../rule.js';

/** Literal numbers a block dials: the setting that holds the operand, per block type. */
const DIALLED_SETTING: ReadonlyMap<string, string> = new Map([
  ['transferToNumber', 'to'],
  ['setCallbackNumber', 'number'],
]);

/**
 * CF500: a literal number a flow dials (Transfer to phone number `to`, Set callback number `number`) is
 * a valid dial number; CF501: in an allowed country (toll-fraud guard, only when resources are given);
 * CF504: not a short code, service code or premium-rate number. Numbers read from variables are
 * checked by the runtime.
 */
export const dialNumbers: LintRule = (_flow, { graph, resources }) => {
  const problems: Problem[] = [];
  const options = {
    defaultRegion: resources?.account?.defaultRegion ?? 'US',
    ...(resources?.account?.allowedCountries ? { allowedCountries: resources.account.allowedCountries } : {}),
  };
  for (const info of graph.list) {
    const setting = DIALLED_SETTING.get(info.block.type);
    if (setting === undefined) continue;
    const value = obj(info.settings[setting])?.value;
    if (typeof value !== 'string') continue;
    const result = checkDialNumber(value, options);
    if (result.ok) continue;
    const code: ProblemCode =
      result.reason === 'countryNotAllowed' ? 'CF501' : result.reason === 'notDialable' ? 'CF504' : 'CF500';
    problems.push(
      problem(
        code,
        `Block "${info.id}", number to dial: ${result.message}`,
        `${info.pointer}${pointer('settings', setting, 'value')}`,
        {
          blockId: info.id,
        },
      ),
    );
  }
  return problems;
};
