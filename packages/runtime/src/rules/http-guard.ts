import ipaddr from 'ipaddr.js';

export type HttpTargetCheck = { ok: true } | { ok: false; reason: string };

/**
 * Refuses HTTP-request targets that would let a flow reach inside the network running it (SSRF):
 * loopback, link-local (cloud metadata at 169.254.169.254), private, carrier-grade NAT, multicast and
 * every other non-public range, in IPv4 and IPv6 (including IPv4-mapped and NAT64 forms), plus
 * `localhost` names. Hosts in the resources' `httpAllowlist` are exempt from the address check only.
 *
 * The WHATWG URL parser normalises the tricks attackers use (`http://2130706433/`, `http://0x7f.1/`,
 * `http://[::ffff:127.0.0.1]/`) into canonical addresses before we classify them. Names that resolve to
 * private addresses are the host's job to catch at connect time: this check sees only the URL.
 */
export function checkHttpTarget(url: string, allowlist: readonly string[]): HttpTargetCheck {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: `"${url}" is not a valid URL` };
  }
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
  if (ipaddr.isValid(literal)) {
    const address = ipaddr.parse(literal);
    const range = address.range();
    if (range !== 'unicast') {
      return {
        ok: false,
        reason: `${address.toString()} is a ${describeRange(range)} address; add "${host}" to httpAllowlist in resources to allow it`,
      };
    }
    return { ok: true };
  }
  if (host === 'localhost' || host.endsWith('.localhost')) {
    return {
      ok: false,
      reason: `${host} is the local machine; add it to httpAllowlist in resources to allow it`,
    };
  }
  return { ok: true };
}

function isAllowlisted(hostname: string, hostWithPort: string, allowlist: readonly string[]): boolean {
  return allowlist.some((entry) => {
    const e = entry.toLowerCase();
    return e === hostname || e === hostWithPort || (e.startsWith('*.') && hostname.endsWith(e.slice(1)));
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
