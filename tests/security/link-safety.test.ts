/**
 * Links the server fetches or calls for a user — an image to inspect or render, a callback —
 * never reach inside: every spelling of a loopback address, a name resolving there, a redirect
 * there, credentials in the link. A listener on loopback proves no request reached it. Our own
 * upload links are read from storage, but only at our own origin.
 */
import dns from 'node:dns';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskHistorySchema } from '@/shared/contract';
import { expectError, getJson, postGeneration, SEED_PROMPT, submit, upload, waitForTask } from '../support/api-calls';
import { isPublicAddress } from '@/server/net/ip-policy';
import { atPort, LOOPBACK_SPELLINGS } from '../support/loopback-spellings';
import { makeTestImage } from '../support/test-image';
import { startTestApp, type TestServer } from '../support/test-server';

/** A listener on loopback that counts every connection made to it, and every request. */
async function listen(host: string, handler: http.RequestListener) {
  let connections = 0;
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests++;
    handler(req, res);
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    server,
    port: (server.address() as AddressInfo).port,
    connections: () => connections,
    requests: () => requests,
  };
}

const ownHost = await dns.promises.lookup(os.hostname()).catch(() => null);
const ownHostResolvesInside = ownHost !== null && !isPublicAddress(ownHost.address);
if (!ownHostResolvesInside) console.warn(`skipped: this machine's host name does not resolve to an inside address`);

let production: TestServer;
let inside: Awaited<ReturnType<typeof listen>>;

beforeAll(async () => {
  // The production policy: only public addresses, so every loopback link here must be refused.
  production = await startTestApp({ LOCAL_ENGINE_DELAY_MS: '200', LOCAL_ENGINE_FAILURE_RATE: '0' }, undefined, {
    productionLinkPolicy: true,
  });
  inside = await listen('127.0.0.1', (_req, res) => res.end('an internal service'));
});
afterAll(async () => {
  inside.server.closeAllConnections();
  inside.server.close();
  await production.stop();
  fs.rmSync(production.dataDir, { recursive: true, force: true });
});

const SPELLINGS = LOOPBACK_SPELLINGS;
const at = (template: string) => atPort(template, inside.port);

function inspect(server: TestServer, url: string) {
  return server.fetch('/api/v1/images/inspect', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ url }),
  });
}

describe('image links', () => {
  it.each(SPELLINGS)('inspecting %s is refused and nothing reaches the listener', async (template) => {
    const before = inside.connections();
    await expectError(await inspect(production, at(template)), 422, 'image_unreachable');
    expect(inside.connections()).toBe(before);
  });

  it('a link with a user name and password is refused before any lookup', async () => {
    const before = inside.connections();
    const message = await expectError(
      await inspect(production, at('http://user:secret@127.0.0.1:PORT/x.png')),
      422,
      'image_unreachable',
    );
    expect(message).toMatch(/user name or password/);
    expect(inside.connections()).toBe(before);
  });

  // Refused at submit, before any task exists, rather than failing when the task runs (issue 20).
  it.each(SPELLINGS)('a task whose image link is %s is refused at submit, with 422', async (template) => {
    const before = inside.connections();
    const image = at(template);
    const response = await postGeneration(production, { model: 'hailuo-2-3', prompt: SEED_PROMPT, image });
    const message = await expectError(response.clone(), 422, 'url_not_allowed');
    expect(message).toBe(
      'The image link points to a private or local address, which the server will not fetch. Use a public address.',
    );
    expect(((await response.json()) as { error: { details: unknown } }).error.details).toEqual([
      { path: 'image', message },
    ]);
    const list = (await (await production.fetch('/api/v1/tasks?limit=100')).json()) as { items: { image: string }[] };
    expect(list.items.some((t) => t.image === image)).toBe(false);
    expect(inside.connections()).toBe(before);
  });

  it('a batch with one such image among public ones is refused whole, naming that image', async () => {
    const body = {
      prompt: SEED_PROMPT,
      images: ['https://example.com/a.jpg', at('http://LOCALHOST.:PORT/b.png')],
      variants: [{ mode: 'standard' }],
    };
    const response = await production.fetch('/api/v1/batches', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const message = await expectError(response, 422, 'url_not_allowed');
    expect(message).toMatch(/^Image 2 points to a private or local address/);
    const list = (await (await production.fetch('/api/v1/tasks?limit=100')).json()) as { items: { image: string }[] };
    expect(list.items.some((t) => t.image === body.images[0])).toBe(false);
  });

  it('our own upload link is taken at submit, though it names this machine', async () => {
    const stored = await upload(production, await makeTestImage());
    expect(new URL(stored.url).hostname).toBe('localhost');
    const created = await submit(production, { model: 'hailuo-2-3', prompt: SEED_PROMPT, image: stored.url });
    expect(created.status).toBe('queued');
  });

  it('our own upload is read from storage: it works though the server may not fetch its own address', async () => {
    const stored = await upload(production, await makeTestImage());
    const response = await inspect(production, stored.url);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: stored.id });
  });
});

describe('callback URLs', () => {
  it.each([
    ...SPELLINGS,
    'http://10.0.0.1/hook',
    'http://192.168.1.1/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://[fd00::1]/hook',
    'http://user:pw@example.com/hook',
  ])('%s is refused at submit with 422, before any task exists', async (template) => {
    const body = {
      model: 'hailuo-2-3',
      prompt: SEED_PROMPT,
      image: 'https://example.com/a.jpg',
      callback_url: at(template),
    };
    const message = await expectError(await postGeneration(production, body), 422, 'url_not_allowed');
    expect(message).toMatch(/callback URL/);
    const list = (await (await production.fetch('/api/v1/tasks?limit=100')).json()) as {
      items: { callback_url: string | null }[];
    };
    expect(list.items.some((t) => t.callback_url === body.callback_url)).toBe(false);
  });

  /*
   * Names are looked up only when used. The machine's own host name resolves inside (loopback in
   * /etc/hosts, or a container's private address) without any traffic leaving the machine.
   */
  it.skipIf(!ownHostResolvesInside)(
    'a name that only resolves inside when called is refused at send time, and recorded',
    async () => {
      const before = inside.connections();
      const stored = await upload(production, await makeTestImage());
      const callbackUrl = at(`http://${os.hostname()}:PORT/hook`);
      const created = await submit(production, {
        model: 'hailuo-2-3',
        prompt: SEED_PROMPT,
        image: stored.url,
        callback_url: callbackUrl,
      });
      await waitForTask(production, created.task_id);
      const deadline = Date.now() + 20_000;
      let callbacks: { error: string | null }[] = [];
      while (!callbacks.length && Date.now() < deadline) {
        const history = await getJson(production, `/api/v1/tasks/${created.task_id}/history`, taskHistorySchema);
        callbacks = history.upstream.filter((x) => x.operation === 'callback');
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(callbacks[0]?.error).toMatch(/could not be reached/);
      expect(inside.connections()).toBe(before);
    },
  );
});

describe('with 127.0.0.1 playing the internet (the test policy)', () => {
  let server: TestServer;
  let behind: Awaited<ReturnType<typeof listen>>;
  let outside: Awaited<ReturnType<typeof listen>>;
  let ownPath = '';

  beforeAll(async () => {
    server = await startTestApp();
    behind = await listen('127.0.0.2', (_req, res) => res.end('secret'));
    outside = await listen('127.0.0.1', (req, res) => {
      if (req.url === '/hop') return res.writeHead(302, { Location: `http://127.0.0.2:${behind.port}/` }).end();
      // A foreign host serving our upload's path: it is not ours, so it is fetched (and is no image).
      res.writeHead(200, { 'Content-Type': 'image/jpeg' }).end('<p>not your upload</p>');
    });
    ownPath = new URL((await upload(server, await makeTestImage())).url).pathname;
  });
  afterAll(async () => {
    for (const l of [behind, outside]) {
      l.server.closeAllConnections();
      l.server.close();
    }
    await server.stop();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  });

  it('a redirect to a private address is refused before connecting to it', async () => {
    await expectError(await inspect(server, `http://127.0.0.1:${outside.port}/hop`), 422, 'image_unreachable');
    expect(behind.connections()).toBe(0);
  });

  it('a foreign origin with our upload path is fetched like any link, not read from our storage', async () => {
    const before = outside.requests();
    await expectError(await inspect(server, `http://127.0.0.1:${outside.port}${ownPath}`), 422, 'image_invalid');
    expect(outside.requests()).toBe(before + 1);
    expect((await inspect(server, `${server.url}${ownPath}`)).status).toBe(200);
  });
});
