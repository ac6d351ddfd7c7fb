/**
 * Whether a URL host names this machine, a link-local address or a private network (DESIGN.md
 * "Security rules": the HTTP request block must not become a way into the internal network, e.g. the
 * cloud metadata service at 169.254.169.254). `hostname` is as the WHATWG URL parser gives it, which
 * already turns `http://2130706433/` and `http://0x7f.1/` into 127.0.0.1.
 */
export function privateHostReason(hostname: string): string | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return 'this machine (localhost)';
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (v4) return ipv4Reason(v4.slice(1).map(Number) as [number, number, number, number]);
  if (host.startsWith('[') && host.endsWith(']')) return ipv6Reason(host.slice(1, -1));
  return undefined;
}

function ipv4Reason([a, b, c]: [number, number, number, number]): string | undefined {
  if (a === 0) return 'an unspecified address (0.0.0.0/8)';
  if (a === 127) return 'this machine (loopback 127.0.0.0/8)';
  if (a === 10) return 'a private network (10.0.0.0/8)';
  if (a === 172 && b >= 16 && b <= 31) return 'a private network (172.16.0.0/12)';
  if (a === 192 && b === 168) return 'a private network (192.168.0.0/16)';
  if (a === 169 && b === 254)
    return 'a link-local address (169.254.0.0/16, where cloud metadata services live)';
  if (a === 100 && b >= 64 && b <= 127) return 'a carrier-grade NAT address (100.64.0.0/10)';
  if (a >= 224) return 'a multicast or reserved address (224.0.0.0/3)';
  const reserved =
    (a === 192 && b === 0 && (c === 0 || c === 2)) ||
    (a === 198 && (b === 18 || b === 19)) ||
    (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113);
  return reserved ? 'a reserved or documentation address' : undefined;
}

function ipv6Reason(address: string): string | undefined {
  const groups = expandIpv6(address);
  if (!groups) return undefined;
  const [first, second] = groups as [number, number];
  if (groups.every((g) => g === 0)) return 'an unspecified address (::)';
  if (groups.slice(0, 7).every((g) => g === 0) && groups[7] === 1) return 'this machine (loopback ::1)';
  if ((first & 0xfe00) === 0xfc00) return 'a private network (fc00::/7)';
  if ((first & 0xffc0) === 0xfe80) return 'a link-local address (fe80::/10)';
  if ((first & 0xff00) === 0xff00) return 'a multicast address (ff00::/8)';
  if (first === 0x2001 && second === 0x0db8) return 'a documentation address (2001:db8::/32)';
  // IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) addresses reach the IPv4 address.
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  const nat64 = first === 0x64 && second === 0xff9b && groups.slice(2, 6).every((g) => g === 0);
  if (mapped || nat64) {
    return ipv4Reason([groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff]);
  }
  return undefined;
}

/** Eight 16-bit groups of an IPv6 address in the URL parser's canonical form (hex, `::`, no IPv4 tail). */
function expandIpv6(address: string): number[] | undefined {
  const [head, tail, ...rest] = address.split('::');
  if (rest.length > 0) return undefined;
  const parse = (part: string | undefined) =>
    part ? part.split(':').map((g) => Number.parseInt(g, 16)) : [];
  const left = parse(head);
  const right = parse(tail);
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 0) return undefined;
  const groups = [...left, ...new Array<number>(missing).fill(0), ...right];
  return groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : undefined;
}
