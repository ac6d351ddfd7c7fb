import { describe, expect, it } from 'vitest';
import { addressRefusal, checkHttpTarget, isAllowlistedUrl } from './http-target.js';

describe('checkHttpTarget', () => {
  it.each([
    'https://api.example.com/customers?id=1',
    'http://93.184.216.34/',
    'https://[2606:2800:220:1:248:1893:25c8:1946]/',
  ])('allows the public target %s', (url) => {
    expect(checkHttpTarget(url, [])).toEqual({ ok: true });
  });

  it.each([
    ['http://127.0.0.1/', 'loopback'],
    ['http://localhost:8080/', 'local machine'],
    ['http://api.localhost/', 'local machine'],
    ['http://169.254.169.254/latest/meta-data/', 'link-local'],
    ['http://10.1.2.3/', 'private'],
    ['http://172.16.0.1/', 'private'],
    ['http://192.168.1.1/', 'private'],
    ['http://100.64.0.1/', 'carrier-grade NAT'],
    ['http://0.0.0.0/', 'unspecified'],
    ['http://224.0.0.1/', 'multicast'],
    ['http://2130706433/', 'loopback'],
    ['http://0x7f.1/', 'loopback'],
    ['http://0x7f000001/', 'loopback'],
    ['http://017700000001/', 'loopback'],
    ['http://127.1/', 'loopback'],
    ['http://0xa9.0xfe.0xa9.0xfe/', 'link-local'],
    ['http://[::1]/', 'loopback'],
    ['http://[::]/', 'unspecified'],
    ['http://[fe80::1]/', 'link-local'],
    ['http://[fd00::1]/', 'unique local'],
    ['http://[::ffff:127.0.0.1]/', 'IPv4-mapped'],
    ['http://[::ffff:169.254.169.254]/', 'IPv4-mapped'],
    ['http://[64:ff9b::a9fe:a9fe]/', 'non-public'],
    ['http://[2002:7f00:1::]/', 'non-public'],
    ['http://127.0.0.1./', 'loopback'],
    ['http://localhost./', 'local machine'],
    ['http://0/', 'unspecified'],
    ['http://crm.example.com@127.0.0.1/', 'loopback'],
    ['http://[::ffff:7f00:1]/', 'IPv4-mapped'],
    ['https://[fe80::1%25eth0]/', 'not a valid URL'],
  ])('refuses %s (%s)', (url, words) => {
    const result = checkHttpTarget(url, []);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(words);
  });

  it('refuses schemes other than http and https, and text that is not a URL', () => {
    expect(checkHttpTarget('file:///etc/passwd', [])).toEqual({
      ok: false,
      reason: 'only http and https URLs may be called, not file',
    });
    expect(checkHttpTarget('gopher://example.com/', ['example.com']).ok).toBe(false);
    expect(checkHttpTarget('not a url', []).ok).toBe(false);
  });

  it('allows an allowlisted host, by name, host:port or *.domain', () => {
    expect(checkHttpTarget('http://10.0.0.5/', ['10.0.0.5'])).toEqual({ ok: true });
    expect(checkHttpTarget('http://LOCALHOST:3000/', ['localhost:3000'])).toEqual({ ok: true });
    expect(checkHttpTarget('http://localhost:3001/', ['localhost:3000']).ok).toBe(false);
    expect(checkHttpTarget('http://crm.localhost/', ['*.localhost'])).toEqual({ ok: true });
    expect(checkHttpTarget('http://[::1]:8080/', ['[::1]'])).toEqual({ ok: true });
    expect(checkHttpTarget('http://[::1]/', ['::1'])).toEqual({ ok: true });
  });

  it('judges an IPv4-mapped address by the IPv4 address it reaches', () => {
    expect(checkHttpTarget('http://[::ffff:8.8.8.8]/x', [])).toEqual({ ok: true });
    const refused = checkHttpTarget('http://[::ffff:127.0.0.1]/', []);
    expect(!refused.ok && refused.reason).toContain('IPv4-mapped address of 127.0.0.1, a loopback address');
  });

  it('tells the admin how to allow a refused host', () => {
    const result = checkHttpTarget('http://192.168.1.20/api', []);
    expect(result).toEqual({
      ok: false,
      reason:
        '192.168.1.20 is a private address; add "192.168.1.20" to "httpAllowlist" in resources to allow it',
    });
  });
});

describe('addressRefusal (the connect-time check of resolved addresses)', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.1.2.3', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['fd00::1', 'unique local'],
    ['::ffff:127.0.0.1', 'IPv4-mapped address of 127.0.0.1, a loopback'],
    ['::ffff:10.0.0.1', 'IPv4-mapped address of 10.0.0.1, a private'],
  ])('refuses %s (%s)', (address, words) => {
    expect(addressRefusal(address)).toContain(words);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('allows %s', (address) => {
    expect(addressRefusal(address)).toBeUndefined();
  });

  it('tells allowlisted URLs by host, host:port and *.domain', () => {
    expect(isAllowlistedUrl('http://crm.internal:8080/x', ['crm.internal'])).toBe(true);
    expect(isAllowlistedUrl('http://crm.internal:8080/x', ['crm.internal:8080'])).toBe(true);
    expect(isAllowlistedUrl('http://crm.internal:9090/x', ['crm.internal:8080'])).toBe(false);
    expect(isAllowlistedUrl('http://a.corp.example/x', ['*.corp.example'])).toBe(true);
    expect(isAllowlistedUrl('http://evil.example/x', ['crm.internal'])).toBe(false);
  });
});
