// SSRF policy for requests the server makes on a user's behalf (webhooks): only public unicast
// addresses may be reached. The same check runs when a URL is configured AND inside the socket's DNS
// lookup at connect time, so a name that later resolves to 127.0.0.1 or 169.254.169.254 (DNS
// rebinding) is refused before any packet is sent.
import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';

export type AddressPolicy = { allowLoopback: boolean };

export const ADDRESS_REFUSED = 'ERR_OUTBOUND_ADDRESS_REFUSED';

export class AddressRefusedError extends Error {
  readonly code = ADDRESS_REFUSED;
  readonly address: string;
  constructor(address: string, hostname: string, range: string) {
    super(hostname === address ? `${address} is in the ${range} range, which webhooks may not reach`
      : `${hostname} resolves to ${address}, in the ${range} range, which webhooks may not reach`);
    this.name = 'AddressRefusedError';
    this.address = address;
  }
}

// ::a.b.c.d (IPv4-compatible, deprecated) is "unicast" to ipaddr.js but names an IPv4 host.
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');

/**
 * The range an address falls in when it is refused, or null when it may be reached. Allow-list:
 * anything but public unicast is refused (private, loopback, link-local incl. 169.254.169.254,
 * CGNAT, 0.0.0.0/8, multicast, reserved, unique-local, NAT64 …). IPv4-mapped IPv6 (::ffff:10.0.0.1)
 * is judged as the IPv4 address it maps to.
 */
export function refusedRange(address: string, policy: AddressPolicy): string | null {
  if (!ipaddr.isValid(address)) return 'malformed';
  const parsed = ipaddr.process(address); // unwraps IPv4-mapped IPv6
  const range = parsed.range();
  if (range === 'unicast') return parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).match(IPV4_COMPATIBLE) ? 'IPv4-compatible' : null;
  if (range === 'loopback' && policy.allowLoopback) return null;
  return range === 'private' || range === 'uniqueLocal' ? 'private' : range;
}

/** A URL's hostname as a connectable host: "[::1]" → "::1". */
export function bareHostname(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

/** Resolves a hostname (or takes an IP literal) and throws AddressRefusedError unless every address is allowed. */
export async function assertHostAllowed(hostname: string, policy: AddressPolicy): Promise<string[]> {
  const host = bareHostname(hostname);
  const addresses = net.isIP(host) ? [host] : (await dns.promises.lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  for (const address of addresses) {
    const range = refusedRange(address, policy);
    if (range) throw new AddressRefusedError(address, host, range);
  }
  return addresses;
}

/**
 * A `lookup` for net/http/https that refuses the connection when ANY resolved address is not
 * allowed (not only the first: with autoSelectFamily the socket may try each of them).
 */
export function guardedLookup(policy: AddressPolicy): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      for (const { address } of addresses) {
        const range = refusedRange(address, policy);
        if (range) return callback(new AddressRefusedError(address, hostname, range), '');
      }
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      return callback(null, first.address, first.family);
    });
  };
}
