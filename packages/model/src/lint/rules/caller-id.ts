import { obj } from '../../blocks/index.js';
import { checkDialNumber, isAccountNumber } from '../../numbers/index.js';
import { type Problem, pointer, problem } from '../../problems.js';
import type { LintRule } from '../rule.js';

const CALLER_ID_BLOCKS: ReadonlySet<string> = new Set(['transferToNumber', 'callPhoneNumber']);
const SIP_RESERVED = /[;/?:@&=+$,]/g;

/**
 * Caller ID (DOMAIN.md §1): a fixed caller ID written as a number is a valid number (CF500) and one of
 * the account's numbers, or carriers outside the US may block it (CF502, warning; only with resources).
 * Fixed caller IDs written as a name are resource references (CF301). Caller-ID names may not hold
 * SIP-reserved characters (CF503).
 */
export const callerId: LintRule = (_flow, { graph, resources }) => {
  const problems: Problem[] = [];
  for (const info of graph.list) {
    if (!CALLER_ID_BLOCKS.has(info.block.type)) continue;
    const at = (...segments: string[]) => `${info.pointer}${pointer('settings', ...segments)}`;
    const setting = obj(info.settings.callerId);
    const number = setting?.strategy === 'fixed' ? setting.number : undefined;
    if (typeof number === 'string' && /^[+0-9]/.test(number)) {
      const result = checkDialNumber(number, { defaultRegion: resources?.account?.defaultRegion ?? 'US' });
      if (!result.ok) {
        problems.push(
          problem('CF500', `Block "${info.id}", caller ID: ${result.message}`, at('callerId', 'number'), {
            blockId: info.id,
          }),
        );
      } else if (resources && !isAccountNumber(resources, result.e164)) {
        problems.push(
          problem(
            'CF502',
            `Block "${info.id}" shows caller ID ${result.e164}, which is not one of the account's numbers; carriers outside the US may block the call. Add it under "numbers" in resources or pick an account number.`,
            at('callerId', 'number'),
            { blockId: info.id },
          ),
        );
      }
    }
    const name = info.settings.callerIdName;
    if (typeof name === 'string') {
      const reserved = [...new Set(name.match(SIP_RESERVED) ?? [])];
      if (reserved.length > 0) {
        problems.push(
          problem(
            'CF503',
            `Block "${info.id}" has the caller ID name "${name}", which contains ${reserved.map((c) => `"${c}"`).join(' ')}; caller ID names cannot hold ; / ? : @ & = + $ , — remove them.`,
            at('callerIdName'),
            { blockId: info.id },
          ),
        );
      }
    }
  }
  return problems;
};
