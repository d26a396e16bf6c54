/** Which addresses the server may reach when it fetches a user's link or calls a user's webhook. */
import ipaddr from 'ipaddr.js';

/*
 * Only globally routable unicast addresses. ipaddr.js names every special range (loopback,
 * private, linkLocal, uniqueLocal, multicast, reserved, carrierGradeNat, 6to4, teredo …);
 * IPv4-mapped IPv6 (`::ffff:127.0.0.1`) is judged as the IPv4 address it carries.
 */
export function isPublicAddress(address: string): boolean {
  return rangeOf(address) === 'unicast';
}

export function isLoopbackAddress(address: string): boolean {
  return rangeOf(address) === 'loopback';
}

function rangeOf(address: string): string | null {
  if (!ipaddr.isValid(address)) return null;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed.range();
}

/** Strips the brackets URL hostnames put around IPv6 literals. */
export function hostToAddress(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) ? bare : null;
}
