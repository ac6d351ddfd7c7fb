import { pointer, problem } from '../../problems.js';
import { privateHostReason } from '../private-hosts.js';
import type { LintRule } from '../rule.js';
import { parseUrl } from '../web-url.js';

/**
 * CF601: an HTTP request block calls http(s) only, and not loopback, link-local or private addresses
 * unless the host is in `httpAllowlist` of the resources. Hosts built from `{{variable}}` placeholders,
 * and names that only resolve to private addresses, are the runtime's to refuse.
 */
export const httpTarget: LintRule = (_flow, { graph, resources }) => {
  const allowlist = new Set((resources?.httpAllowlist ?? []).map((h) => h.toLowerCase().replace(/\.$/, '')));
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
    const hostPart = authority.slice(authority.lastIndexOf('@') + 1);
    if (hostPart.includes('{{')) return [];
    const parsed = parseUrl(url.replace(/\{\{[^}]*\}\}/g, 'x'));
    if (!parsed) return refuse(`calls "${url}", which is not a valid web address; fix the URL.`);
    const hostname = parsed.hostname;
    const reason = privateHostReason(hostname);
    if (reason === undefined) return [];
    const bare = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (isAllowlisted(allowlist, hostname.toLowerCase(), bare)) return [];
    return refuse(
      `calls ${hostname}, which is ${reason}; flows may not reach internal addresses. If this is intended, add "${bare}" to "httpAllowlist" in resources.`,
    );
  });
};

/** Exact hosts, bracketed or bare IPv6, and `*.example.internal` for any name under that domain. */
function isAllowlisted(allowlist: ReadonlySet<string>, hostname: string, bare: string): boolean {
  if (allowlist.has(hostname) || allowlist.has(bare)) return true;
  for (const entry of allowlist) {
    if (entry.startsWith('*.') && hostname.endsWith(entry.slice(1))) return true;
  }
  return false;
}
