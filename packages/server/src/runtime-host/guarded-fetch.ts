import type { LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import { addressRefusal, isAllowlistedUrl } from '@callflow/model';
import { HttpTargetRefused } from '@callflow/runtime';
import { Agent, fetch as undiciFetch } from 'undici';

/** Resolves a host name to its addresses (the system resolver; tests inject their own). */
export type HostResolver = (hostname: string) => Promise<LookupAddress[]>;

const systemResolver: HostResolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export interface GuardedFetch {
  fetch: typeof fetch;
  /** Closes the pooled connections (on shutdown). */
  close(): Promise<void>;
}

/**
 * The fetch HTTP-request blocks call out with. The URL check (model's `checkHttpTarget`) sees literals
 * only; a name is judged here, at connect time: the socket's own lookup resolves it, refuses it when any
 * address it resolves to is loopback, private, link-local, unspecified or otherwise non-public (IPv4,
 * IPv6 and IPv4-mapped alike), and hands the socket exactly the addresses it checked, so no second
 * lookup can answer differently (DNS rebinding). Hosts in `httpAllowlist` connect without the check.
 */
export function createGuardedFetch(options: {
  allowlist: () => readonly string[];
  resolve?: HostResolver;
}): GuardedFetch {
  const resolve = options.resolve ?? systemResolver;
  const guarded = new Agent({ connect: { lookup: guardedLookup(resolve) } });
  const open = new Agent({ connect: { lookup: guardedLookup(resolve, { check: false }) } });
  const guardedFetch = (input: string | URL | Request, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    const dispatcher = isAllowlistedUrl(url, options.allowlist()) ? open : guarded;
    return undiciFetch(url, { ...(init as object), dispatcher }) as unknown as Promise<Response>;
  };
  return {
    fetch: guardedFetch as typeof fetch,
    close: async () => {
      await Promise.all([guarded.destroy(), open.destroy()]);
    },
  };
}

/** A `net.connect` lookup that checks every address before the socket may use it (unless told not to). */
export function guardedLookup(resolve: HostResolver, options = { check: true }): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    resolve(hostname).then(
      (found) => {
        const family = lookupOptions.family === 4 || lookupOptions.family === 6 ? lookupOptions.family : 0;
        const addresses = family ? found.filter((a) => a.family === family) : found;
        const refused = addresses
          .filter(() => options.check)
          .map((a) => ({ address: a.address, reason: addressRefusal(a.address) }))
          .find((a) => a.reason !== undefined);
        if (addresses.length === 0) {
          callback(Object.assign(new Error(`${hostname} did not resolve`), { code: 'ENOTFOUND' }), '', 0);
        } else if (refused) {
          callback(
            new HttpTargetRefused(
              `${hostname} resolves to ${refused.address} (${refused.reason}); add "${hostname}" to "httpAllowlist" in resources to allow it`,
            ),
            '',
            0,
          );
        } else if (lookupOptions.all) {
          callback(null, addresses);
        } else {
          const first = addresses[0] as LookupAddress;
          callback(null, first.address, first.family);
        }
      },
      (error: unknown) => callback(error as NodeJS.ErrnoException, '', 0),
    );
  };
}
