import ipaddr from 'ipaddr.js';
import { parseUrl } from './web-url.js';

const DOTTED_IPV4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

export type HttpTargetCheck = { ok: true } | { ok: false; reason: string };

/**
 * Refuses HTTP-request targets that would let a flow reach inside the network running it (SSRF):
 * loopback, link-local (cloud metadata at 169.254.169.254), private, carrier-grade NAT, multicast and
 * every other non-public range, in IPv4 and IPv6 (including IPv4-mapped and NAT64 forms), plus
 * `localhost` names. Hosts in the resources' `httpAllowlist` are exempt from the address check only.
 *
 * The WHATWG URL parser normalises the tricks attackers use (`http://2130706433/`, `http://0x7f.1/`,
 * `http://[::ffff:127.0.0.1]/`) into canonical addresses before we classify them. Names that resolve to
 * private addresses are the host's job to catch at connect time (the service checks every address a
 * name resolves to with `addressRefusal`): this check sees only the URL.
 * Lint (CF601) and the runtime's HTTP-request block share this one check.
 */
export function checkHttpTarget(url: string, allowlist: readonly string[]): HttpTargetCheck {
  const parsed = parseUrl(url);
  if (!parsed) return { ok: false, reason: `"${url}" is not a valid URL` };
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return {
      ok: false,
      reason: `only http and https URLs may be called, not ${parsed.protocol.slice(0, -1)}`,
    };
  }
  // "localhost." is localhost: a trailing dot makes a name absolute, it does not change the host.
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  if (isAllowlisted(host, parsed.host.toLowerCase(), allowlist)) return { ok: true };

  const literal = host.startsWith('[') ? host.slice(1, -1) : host;
  // The URL parser leaves an IP literal as dotted-decimal IPv4 or bracketed IPv6; anything else is a
  // name, and asking ipaddr.js about names is slow (it parses and catches an exception).
  if ((host.startsWith('[') || DOTTED_IPV4.test(literal)) && ipaddr.isValid(literal)) {
    const refusal = addressRefusal(literal);
    return refusal
      ? { ok: false, reason: `${refusal}; add "${literal}" to "httpAllowlist" in resources to allow it` }
      : { ok: true };
  }
  if (host === 'localhost' || host.endsWith('.localhost')) {
    return {
      ok: false,
      reason: `${host} is the local machine; add "${host}" to "httpAllowlist" in resources to allow it`,
    };
  }
  return { ok: true };
}

/**
 * Why an IP address may not be called (loopback, private, link-local, unspecified, an IPv4-mapped form of
 * one...), or undefined for a public unicast address. Used on URL literals here and, by the service, on
 * the addresses a name resolves to at connect time.
 */
export function addressRefusal(address: string): string | undefined {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  const parsed = ipaddr.parse(address);
  const range = parsed.range();
  if (range === 'ipv4Mapped' && parsed.kind() === 'ipv6') {
    // ::ffff:a.b.c.d reaches a.b.c.d: judge the IPv4 address it stands for.
    const v4 = (parsed as ipaddr.IPv6).toIPv4Address();
    const v4Range = v4.range();
    return v4Range === 'unicast'
      ? undefined
      : `${parsed.toString()} is an IPv4-mapped address of ${v4.toString()}, a ${describeRange(v4Range)} address`;
  }
  return range === 'unicast' ? undefined : `${parsed.toString()} is a ${describeRange(range)} address`;
}

/** Whether the URL's host is in `httpAllowlist` (exempt from the address checks). */
export function isAllowlistedUrl(url: string, allowlist: readonly string[]): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  return isAllowlisted(host, parsed.host.toLowerCase(), allowlist);
}

/** Exact hosts, host:port, bracketed or bare IPv6, and `*.example.internal` for names under a domain. */
function isAllowlisted(hostname: string, hostWithPort: string, allowlist: readonly string[]): boolean {
  const bare = hostname.replace(/^\[|\]$/g, '');
  return allowlist.some((entry) => {
    const e = entry.toLowerCase().replace(/\.$/, '');
    return (
      e === hostname ||
      e === bare ||
      e === hostWithPort ||
      (e.startsWith('*.') && hostname.endsWith(e.slice(1)))
    );
  });
}

const RANGE_WORDS: Record<string, string> = {
  loopback: 'loopback',
  linkLocal: 'link-local',
  private: 'private',
  uniqueLocal: 'private (unique local)',
  carrierGradeNat: 'carrier-grade NAT',
  unspecified: 'unspecified',
  multicast: 'multicast',
  broadcast: 'broadcast',
  ipv4Mapped: 'IPv4-mapped',
};

function describeRange(range: string): string {
  return RANGE_WORDS[range] ?? `non-public (${range})`;
}
