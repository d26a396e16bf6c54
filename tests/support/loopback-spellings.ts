/**
 * Ways of writing "this machine" in a link that the URL parser accepts: IPv4 in every notation,
 * IPv6 (mapped ones included), the unspecified address, and loopback names in any case, with or
 * without the root's trailing dot. `PORT` is filled in with the listener that must stay untouched.
 */
export const LOOPBACK_SPELLINGS = [
  'http://127.0.0.1:PORT/x.png',
  'http://127.1:PORT/x.png',
  'http://2130706433:PORT/x.png',
  'http://0x7f000001:PORT/x.png',
  'http://0x7f.1:PORT/x.png',
  'http://0177.0.0.1:PORT/x.png',
  'http://127.0.0.1.:PORT/x.png',
  'http://[::1]:PORT/x.png',
  'http://[::ffff:127.0.0.1]:PORT/x.png',
  'http://[::ffff:7f00:1]:PORT/x.png',
  'http://0.0.0.0:PORT/x.png',
  'http://localhost:PORT/x.png',
  'http://localhost.:PORT/x.png',
  'http://LOCALHOST.:PORT/x.png',
  'http://app.localhost:PORT/x.png',
  'http://localhost.localdomain:PORT/x.png',
] as const;

export function atPort(template: string, port: number): string {
  return template.replace('PORT', String(port));
}
