import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPublicAddress } from './ip-policy';
import { safeFetch, UnsafeUrlError } from './safe-fetch';

/** A listener that records every connection, to prove a refused link never reached it. */
async function listen(host: string, handler: http.RequestListener) {
  const server = http.createServer(handler);
  let connections = 0;
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return { server, port, connections: () => connections };
}

let inside: Awaited<ReturnType<typeof listen>>;
let outside: Awaited<ReturnType<typeof listen>>;
// In these tests 127.0.0.1 plays "the internet" and 127.0.0.2 the private network behind us.
const testPolicy = (address: string) => address === '127.0.0.1';

beforeAll(async () => {
  inside = await listen('127.0.0.2', (_req, res) => res.end('secret'));
  outside = await listen('127.0.0.1', (req, res) => {
    if (req.url === '/redirect-inside')
      return res.writeHead(302, { Location: `http://127.0.0.2:${inside.port}/` }).end();
    if (req.url === '/loop') return res.writeHead(302, { Location: '/loop' }).end();
    if (req.url === '/big') return res.end(Buffer.alloc(2 * 1024 * 1024));
    if (req.url === '/slow') return; // never answers
    res.writeHead(200, { 'Content-Type': 'text/plain' }).end('hello');
  });
});

afterAll(() => {
  inside.server.closeAllConnections();
  outside.server.closeAllConnections();
  inside.server.close();
  outside.server.close();
});

async function refusal(url: string, options = {}) {
  const error = await safeFetch(url, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnsafeUrlError);
  return error as UnsafeUrlError;
}

describe('safeFetch', () => {
  it.each([
    'http://127.1:PORT/',
    'http://2130706433:PORT/',
    'http://0x7f000001:PORT/',
    'http://0177.0.0.1:PORT/',
    'http://127.0.0.1:PORT/',
    'http://[::1]:PORT/',
    'http://[::ffff:127.0.0.1]:PORT/',
    'http://localhost:PORT/',
    'http://0.0.0.0:PORT/',
  ])('refuses %s with the default policy, and nothing reaches the listener', async (template) => {
    const before = outside.connections();
    const error = await refusal(template.replace('PORT', String(outside.port)));
    expect(error.reason).toBe('address');
    expect(error.message).toBe('That link points to a private or local address, which the server will not fetch.');
    expect(outside.connections()).toBe(before);
  });

  it.each(['ftp://example.com/a.jpg', 'file:///etc/passwd', 'javascript:alert(1)', 'gopher://x/'])(
    'refuses the scheme of %s',
    async (url) => {
      expect((await refusal(url)).reason).toBe('scheme');
    },
  );

  it('refuses credentials in the link', async () => {
    expect((await refusal(`http://user:pw@127.0.0.1:${outside.port}/`, { isAllowed: testPolicy })).reason).toBe(
      'credentials',
    );
  });

  it('fetches an allowed address', async () => {
    const response = await safeFetch(`http://127.0.0.1:${outside.port}/`, { isAllowed: testPolicy });
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe('hello');
  });

  it('checks every redirect: a hop to a private address is refused before connecting', async () => {
    const before = inside.connections();
    const error = await refusal(`http://127.0.0.1:${outside.port}/redirect-inside`, { isAllowed: testPolicy });
    expect(error.reason).toBe('address');
    expect(inside.connections()).toBe(before);
  });

  it('stops a redirect loop', async () => {
    expect((await refusal(`http://127.0.0.1:${outside.port}/loop`, { isAllowed: testPolicy })).reason).toBe(
      'redirects',
    );
  });

  it('stops reading past the size limit', async () => {
    const error = await refusal(`http://127.0.0.1:${outside.port}/big`, {
      isAllowed: testPolicy,
      maxBytes: 1024 * 1024,
    });
    expect(error.reason).toBe('too_large');
  });

  it('gives up on a link that does not answer in time', async () => {
    const error = await refusal(`http://127.0.0.1:${outside.port}/slow`, { isAllowed: testPolicy, timeoutMs: 300 });
    expect(error.reason).toBe('timeout');
  });
});

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:10.0.0.1',
    '::ffff:127.0.0.1',
    'not-an-ip',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:2800:220:1:248:1893:25c8:1946'])(
    'allows the public address %s',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );
});
