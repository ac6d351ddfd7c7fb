import { checkHttpTarget } from '../../http-target.js';
import { pointer, problem } from '../../problems.js';
import type { LintRule } from '../rule.js';

/**
 * CF601: an HTTP request block calls http(s) only, and not loopback, link-local or private addresses
 * unless the host is in `httpAllowlist` of the resources — the same check the runtime makes before every
 * request. Hosts built from `{{variable}}` placeholders, and names that only resolve to private
 * addresses, are the runtime's to refuse.
 */
export const httpTarget: LintRule = (_flow, { graph, resources }) => {
  const allowlist = resources?.httpAllowlist ?? [];
  return graph.list.flatMap((info) => {
    if (info.block.type !== 'httpRequest' || typeof info.settings.url !== 'string') return [];
    const url = info.settings.url;
    const at = `${info.pointer}${pointer('settings', 'url')}`;
    const refuse = (why: string) => [problem('CF601', `Block "${info.id}" ${why}`, at, { blockId: info.id })];
    const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase();
    if (scheme !== 'http' && scheme !== 'https') {
      return refuse(
        `calls "${url}"; only http:// and https:// addresses can be called. Change the URL to a web address.`,
      );
    }
    // The authority: after "//", before the path, query or fragment; userinfo ("user@") is not the host.
    const authority = /^[^:]+:\/\/([^/?#]*)/.exec(url)?.[1] ?? '';
    if (authority.slice(authority.lastIndexOf('@') + 1).includes('{{')) return [];
    const check = checkHttpTarget(url.replace(/\{\{[^}]*\}\}/g, 'x'), allowlist);
    if (check.ok) return [];
    return refuse(`calls "${url}": ${check.reason}. Flows may not reach internal addresses.`);
  });
};
