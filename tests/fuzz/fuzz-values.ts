/** Hostile values for the fuzz test: strings, ids, links and JSON that break parsers, queries or assumptions. */
import type { SeededRandom } from './seeded-random';

export const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  "' OR 1=1 --",
  '"; DROP TABLE tasks; --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{{7*7}}${7*7}',
  '%s%s%s%n',
  '../../../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '%00',
  '\u202e\u0000\ud800',
  '𝕳𝖆𝖎𝖑𝖚𝖔 🎬',
  '\r\nSet-Cookie: x=1',
  '__proto__',
  'constructor',
  'tsk_' + 'z'.repeat(26),
  'a'.repeat(300),
] as const;

/* Links no schema accepts: other schemes, broken, too long. */
export const MALFORMED_URLS = [
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:image/png;base64,AAAA',
  'ftp://127.0.0.1/x.jpg',
  'gopher://127.0.0.1:25/',
  'http://',
  'http://[::1',
  'not a url',
  `http://127.0.0.1/${'a'.repeat(3000)}`,
] as const;

/* Well-formed links the server must never fetch or call: private and local spellings, credentials. */
export const PRIVATE_URLS = [
  'http://127.0.0.1/x.jpg',
  'http://127.1/x.jpg',
  'http://2130706433/x.jpg',
  'http://0x7f000001/x.jpg',
  'http://[::1]/x.jpg',
  'http://[::ffff:127.0.0.1]/x.jpg',
  'http://0.0.0.0/x.jpg',
  'http://localhost/x.jpg',
  'http://10.0.0.1/x.jpg',
  'http://169.254.169.254/latest/meta-data/',
  'http://[fe80::1]/x.jpg',
  'http://user:pass@127.0.0.1/x.jpg',
] as const;

export function hostileString(random: SeededRandom): string {
  if (random.chance(0.1)) return random.bytes(random.int(1, 64)).toString('latin1');
  return random.pick(HOSTILE_STRINGS);
}

/** A JSON value that is not a string: the wrong kind for every field of our bodies. */
export function wrongTypedValue(random: SeededRandom): unknown {
  return random.pick<unknown>([
    null,
    true,
    0,
    -1,
    1e308,
    [],
    ['a'],
    {},
    { $gt: '' },
    JSON.parse('{"__proto__":{"admin":true}}'),
  ]);
}

/** Text that is not valid JSON, or JSON that is not an object. */
export function brokenJson(random: SeededRandom): string {
  return random.pick([
    '',
    '{',
    '{"model":',
    '{"a":1,}',
    "{'model':'hailuo-2-3'}",
    '{"prompt":NaN}',
    '[1,2,3]',
    '"just a string"',
    '42',
    'null',
    'true',
    '\ufeff{}',
    '{"a":"\\ud800"}',
    `${'['.repeat(5000)}${']'.repeat(5000)}`,
    `{"a":${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}}`,
    random.bytes(random.int(1, 200)).toString('latin1'),
  ]);
}
