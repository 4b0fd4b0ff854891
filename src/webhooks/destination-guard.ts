import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { invalidRequest } from '../platform/errors.ts';

/**
 * Where webhooks may not go unless the operator allows it (REGULARS_WEBHOOK_ALLOWED_HOSTS): this
 * machine, link-local addresses (cloud metadata at 169.254.169.254), private and shared networks,
 * multicast and reserved space. Checked on the resolved address of every attempt, so a name that
 * later resolves inward (DNS rebinding) is refused too.
 */
const refused = new BlockList();
for (const [network, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4]] as const) refused.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96], ['100::', 64]] as const) refused.addSubnet(network, prefix, 'ipv6');

/** The operator's exceptions: host names, addresses and CIDR ranges. */
export interface AllowedDestinations {
  hosts: Set<string>;
  ranges: BlockList;
}

export function allowedDestinations(list: string[]): AllowedDestinations {
  const hosts = new Set<string>();
  const ranges = new BlockList();
  for (const entry of list) {
    const [address, prefix] = entry.split('/');
    const family = isIP(address ?? '');
    if (family && prefix !== undefined) ranges.addSubnet(address!, Number(prefix), family === 4 ? 'ipv4' : 'ipv6');
    else if (family) ranges.addAddress(address!, family === 4 ? 'ipv4' : 'ipv6');
    else hosts.add(entry.toLowerCase());
  }
  return { hosts, ranges };
}

/** An IPv4 address written as IPv6 (`::ffff:127.0.0.1`) is judged as the IPv4 address. */
function plain(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return { address: mapped[1]!, family: 'ipv4' };
  return { address, family: isIP(address) === 6 ? 'ipv6' : 'ipv4' };
}

/** Why an address may not be called, or null when it may. */
export function refusalOf(address: string, host: string, allowed: AllowedDestinations): string | null {
  if (allowed.hosts.has(host.toLowerCase())) return null;
  const a = plain(address);
  if (allowed.ranges.check(a.address, a.family)) return null;
  if (!refused.check(a.address, a.family)) return null;
  return `${host} resolves to ${address}, a loopback, link-local or private address; an operator can allow it with REGULARS_WEBHOOK_ALLOWED_HOSTS`;
}

const bareHost = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');

/**
 * Checks an endpoint's URL when the merchant saves it: http(s), and not a refused address given
 * literally (names are checked when resolved, at each attempt).
 */
export function assertDestination(raw: string, allowed: AllowedDestinations): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalidRequest('parameter_invalid', `"${raw}" is not a URL.`, 'url');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalidRequest('parameter_invalid', 'A webhook URL starts with https:// (or http://).', 'url');
  if (url.username || url.password) throw invalidRequest('parameter_invalid', 'A webhook URL carries no user name or password; the signature authenticates each delivery.', 'url');
  const host = bareHost(url);
  const literal = isIP(host) ? host : host.toLowerCase() === 'localhost' ? '127.0.0.1' : null;
  const refusal = literal && refusalOf(literal, host, allowed);
  if (refusal) throw invalidRequest('destination_not_allowed', `Webhooks may not go to ${host}: ${refusal.replace(/^.*?, a /, 'it is a ')}.`, 'url');
  return url;
}

export class RefusedDestination extends Error {}

/**
 * A DNS lookup for outbound requests that refuses what `refusalOf` refuses: the connection goes
 * to exactly the address that was checked. Addresses written in the URL skip DNS, so
 * `literalRefusal` checks those.
 */
export function guardedLookup(allowed: AllowedDestinations): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const usable = addresses.filter((a) => refusalOf(a.address, hostname, allowed) === null);
      if (usable.length === 0) return callback(new RefusedDestination(refusalOf(addresses[0]!.address, hostname, allowed) ?? `${hostname} has no address`), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable);
      callback(null, usable[0]!.address, usable[0]!.family);
    });
  };
}

/** For a URL whose host is an address: why it is refused, or null. */
export function literalRefusal(url: URL, allowed: AllowedDestinations): string | null {
  const host = bareHost(url);
  return isIP(host) ? refusalOf(host, host, allowed) : null;
}
