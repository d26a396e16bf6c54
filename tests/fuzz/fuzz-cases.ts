/**
 * The fuzz test's requests, generated from a seed: malformed, oversized, wrongly typed and
 * hostile bodies, headers, paths and methods against every route. Built to be refused (see
 * fuzz-bodies.ts), so none of them may create a task, a charge or an upload.
 */
import type { SeededRandom } from './seeded-random';
import { brokenBatchBody, brokenSubmitBody, refusedInspectBody } from './fuzz-bodies';
import { brokenJson, hostileString } from './fuzz-values';

export interface FuzzCase {
  family: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

export interface FuzzTargets {
  /** An existing upload of ours, for bodies that are otherwise plausible. */
  uploadUrl: string;
  uploadPath: string;
  webhookSecret: string;
}

const JSON_TYPES = [
  'application/json',
  'application/json',
  'application/json',
  'APPLICATION/JSON; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json-patch',
  '',
];

/* Node refuses to send a header with control characters; anything else goes. */
const headerSafe = (value: string) => value.replace(/[^\x20-\x7e]/g, '?').slice(0, 4000);
/* Byte by byte, so lone surrogates and raw bytes survive (encodeURIComponent throws on them). */
const percentEncode = (value: string) =>
  [...Buffer.from(value, 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9_.~-]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).padStart(2, '0')}`,
    )
    .join('');
const segment = (random: SeededRandom) => percentEncode(hostileString(random));

function jsonPost(family: string, path: string, body: string, random: SeededRandom): FuzzCase {
  const type = random.pick(JSON_TYPES);
  const headers: Record<string, string> = type ? { 'Content-Type': type } : {};
  if (random.chance(0.2)) headers['Idempotency-Key'] = headerSafe(hostileString(random)) || 'k';
  return { family, method: 'POST', path, headers, body: random.chance(0.12) ? brokenJson(random) : body };
}

function multipart(random: SeededRandom, parts: { name: string; filename: string; type: string; data: Buffer }[]) {
  const boundary = `fuzz${random.int(0, 1e9)}`;
  const chunks = parts.flatMap((part) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\n` +
        `Content-Type: ${part.type}\r\n\r\n`,
    ),
    part.data,
    Buffer.from('\r\n'),
  ]);
  return { boundary, body: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]) };
}

const NOT_IMAGES: ((random: SeededRandom) => Buffer)[] = [
  (r) => r.bytes(r.int(0, 4096)),
  () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="900" height="900"><script>1</script></svg>'),
  () => Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>'),
  () => Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;'),
  () => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]),
  () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
  (r) => Buffer.concat([Buffer.from('RIFF\x00\x00\x00\x00WEBPVP8 '), r.bytes(64)]),
];

function uploadCase(random: SeededRandom): FuzzCase {
  const path = '/api/v1/uploads';
  const shape = random.int(0, 5);
  if (shape === 0) {
    const type = random.pick(['image/jpeg', 'application/octet-stream', 'text/plain', 'application/json']);
    return { family: 'upload', method: 'POST', path, headers: { 'Content-Type': type }, body: random.bytes(200) };
  }
  if (shape === 1) {
    const type = random.pick(['multipart/form-data', 'multipart/form-data; boundary=', 'multipart/mixed; boundary=x']);
    return { family: 'upload', method: 'POST', path, headers: { 'Content-Type': type }, body: brokenJson(random) };
  }
  const data = random.pick(NOT_IMAGES)(random);
  const filename = random.pick(['x.jpg', '../../../etc/passwd', 'a\\..\\b.png', `${'n'.repeat(300)}.png`, '.htaccess']);
  const name = shape === 2 ? random.pick(['image', 'files', 'FILE', '']) : 'file';
  const parts = [
    { name, filename, type: random.pick(['image/jpeg', 'image/png', 'image/svg+xml', 'text/html']), data },
  ];
  if (shape === 3) parts.push({ ...parts[0]!, name: 'file' });
  const { boundary, body } = multipart(random, parts);
  return {
    family: 'upload',
    method: 'POST',
    path,
    headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
    body,
  };
}

function taskQuery(random: SeededRandom): string {
  const keys = ['status', 'model', 'mode', 'q', 'from', 'to', 'batch_id', 'ids', 'cursor', 'limit', 'counts', 'zzz'];
  const pairs = Array.from({ length: random.int(1, 4) }, () => {
    const key = random.pick(keys);
    const value = random.pick([
      hostileString(random),
      String(random.int(-5, 1000)),
      'failed,bogus',
      '2026-13-45',
      'eyJ0IjoxfQ',
    ]);
    return `${key}=${percentEncode(value)}`;
  });
  return pairs.join('&');
}

function readCase(random: SeededRandom, targets: FuzzTargets): FuzzCase {
  const headers: Record<string, string> = {};
  if (random.chance(0.3)) {
    headers.Range = random.pick([
      'bytes=',
      'bytes=-0',
      'bytes=5-1',
      'bytes=0-1,2-3',
      'bytes=99999999999999999999-',
      'x',
    ]);
  }
  if (random.chance(0.2)) headers.Authorization = headerSafe(`Bearer ${hostileString(random)}`);
  if (random.chance(0.2)) headers.Cookie = headerSafe(`hailuo_session=${hostileString(random)}; x=${'y'.repeat(500)}`);
  if (random.chance(0.1)) headers['If-Range'] = headerSafe(hostileString(random));
  const path = random.pick([
    () => `/api/v1/tasks/${segment(random)}`,
    () => `/api/v1/tasks/${segment(random)}/history`,
    () => `/api/v1/tasks?${taskQuery(random)}`,
    () => `/api/v1/batches/${segment(random)}`,
    () => `/api/v1/downloads.zip?${random.pick(['ids', 'batch_id', 'x'])}=${segment(random)}`,
    () => `/api/v1/billing/spend?days=${segment(random)}&tz_offset_min=${segment(random)}`,
    () => `/api/v1/${random.pick(['models', 'billing/credits', 'auth/session'])}?${segment(random)}=${segment(random)}`,
    () => `/api/health?${segment(random)}`,
    () => `/media/${random.pick(['uploads', 'videos', 'posters', 'x'])}/${segment(random)}`,
    () => `${targets.uploadPath}?download=${segment(random)}`,
    () =>
      random.pick([
        '/api/v1/tasks/%',
        '/api/%zz',
        '/api/v1/%00',
        '/media/%',
        '//api//v1//tasks',
        '/api/v1/tasks/..%2f..',
      ]),
    () => `/api/v1/tasks/${'a'.repeat(random.int(1000, 8000))}`,
    () => `/${segment(random)}`,
  ])();
  return { family: 'read', method: random.pick(['GET', 'GET', 'GET', 'HEAD']), path, headers };
}

const ROUTES = [
  '/api/v1/videos/generations',
  '/api/v1/batches',
  '/api/v1/uploads',
  '/api/v1/images/inspect',
  '/api/v1/tasks',
  '/api/v1/models',
  '/api/v1/auth/session',
  '/api/health',
  '/media/uploads/x.jpg',
  '/api/v1/webhooks/apiinone/x',
  '/',
];

function methodCase(random: SeededRandom): FuzzCase {
  const method = random.pick(['PUT', 'PATCH', 'DELETE', 'OPTIONS', 'PROPFIND', 'TRACE', 'CONNECT_X']);
  return {
    family: 'method',
    method,
    path: random.pick(ROUTES),
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  };
}

function oversizedCase(random: SeededRandom): FuzzCase {
  const path = random.pick(ROUTES.filter((r) => r !== '/api/v1/uploads'));
  const size = random.int(130 * 1024, 1024 * 1024);
  return {
    family: 'oversized',
    method: 'POST',
    path,
    headers: { 'Content-Type': 'application/json' },
    body: `{"prompt":"${'a'.repeat(size)}"}`,
  };
}

/* Headers that break framing or parsing: Node refuses some before the app sees them. */
function headerCase(random: SeededRandom): FuzzCase {
  const headers = random.pick<Record<string, string>>([
    { 'X-Padding': 'x'.repeat(random.int(17_000, 40_000)) },
    { 'Content-Length': random.pick(['abc', '-1', '1e3', '99999999999999999999']) },
    { 'Transfer-Encoding': random.pick(['gzip', 'chunked, identity', 'xchunked']) },
    { Host: random.pick(['', 'a b', 'x:99999', '[::1', 'evil.example', '127.0.0.1:1/..']) },
    { Expect: '100-continue' },
    { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
  ]);
  const method = random.pick(['GET', 'POST']);
  return { family: 'headers', method, path: random.pick(ROUTES), headers, body: method === 'POST' ? '{}' : undefined };
}

function webhookCase(random: SeededRandom, targets: FuzzTargets): FuzzCase {
  const secret = random.chance(0.5) ? targets.webhookSecret : segment(random);
  const body = random.chance(0.5)
    ? brokenJson(random)
    : JSON.stringify({ task_id: hostileString(random), status: 'Success' });
  return jsonPost('webhook', `/api/v1/webhooks/apiinone/${secret}`, body, random);
}

/** `count` of each family, in a fixed order for a given seed. */
export function fuzzCases(random: SeededRandom, targets: FuzzTargets): FuzzCase[] {
  const families: [number, () => FuzzCase][] = [
    [230, () => jsonPost('submit', '/api/v1/videos/generations', brokenSubmitBody(targets.uploadUrl, random), random)],
    [120, () => jsonPost('batch', '/api/v1/batches', brokenBatchBody(targets.uploadUrl, random), random)],
    [100, () => jsonPost('inspect', '/api/v1/images/inspect', refusedInspectBody(random), random)],
    [120, () => uploadCase(random)],
    [60, () => webhookCase(random, targets)],
    [
      40,
      () => jsonPost('sign-in', '/api/v1/auth/session', JSON.stringify({ password: hostileString(random) }), random),
    ],
    [300, () => readCase(random, targets)],
    [60, () => methodCase(random)],
    [20, () => oversizedCase(random)],
    [40, () => headerCase(random)],
  ];
  return families.flatMap(([count, make]) => Array.from({ length: count }, make));
}
