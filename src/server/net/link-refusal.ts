/**
 * Why the server will never reach a link a user gives it — a private or local address written
 * out in any spelling, a loopback name (`LOCALHOST.`, `foo.localhost`), a user name or password —
 * told at submit, before a task exists, rather than as a failure when the task runs. Names are
 * not looked up here: safeFetch checks every resolved address again when the link is used
 * (a name such as `127.0.0.1.nip.io` is caught there).
 */
import { hostToAddress } from './ip-policy';

type AddressPolicy = (address: string) => boolean;

/* Names that mean this machine without any lookup: RFC 6761's localhost, and those of /etc/hosts on common systems. */
const LOOPBACK_NAMES: ReadonlySet<string> = new Set([
  'localhost',
  'localhost.localdomain',
  'ip6-localhost',
  'ip6-loopback',
]);

/** A host name for this machine: any case, with or without the root's trailing dot. */
export function isLoopbackName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.+$/, '');
  return LOOPBACK_NAMES.has(name) || name.endsWith('.localhost');
}

export interface LinkWords {
  /** `The callback URL`, `Image 2`. */
  what: string;
  /** What the server would do with it: `call`, `fetch`. */
  verb: string;
}

/** Why the server will not use this link, or null when it may try. */
export function linkRefusal(value: string, isAllowed: AddressPolicy, words: LinkWords): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null; // the schema explains a malformed link
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return `${words.what} cannot contain a user name or password.`;
  // The URL parser has already turned `127.1`, `0x7f.1`, `2130706433` and `127.0.0.1.` into dotted form.
  const address = isLoopbackName(url.hostname) ? '127.0.0.1' : hostToAddress(url.hostname);
  if (address && !isAllowed(address)) {
    return `${words.what} points to a private or local address, which the server will not ${words.verb}. Use a public address.`;
  }
  return null;
}
