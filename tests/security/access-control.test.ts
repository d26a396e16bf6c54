/**
 * With access required (as beyond loopback), every API and media request needs an API key the
 * server issued or a dashboard session; anything else is the same 401 with no hint. Keys are
 * stored hashed and revocable while the server runs; the session cookie is HttpOnly and
 * SameSite=Strict (Secure over https); an upload link carries a token for that one file.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadSchema } from '@/shared/contract';
import { ACCESS_DATABASE_FILE } from '@/server/store/sqlite/open-sqlite-store';
import { UNAUTHORIZED_MESSAGE } from '@/server/access/require-access';
import type { Api } from '../support/api';
import { SEED_PROMPT } from '../support/api-calls';
import { makeTestImage } from '../support/test-image';
import { testDatabaseEnv } from '../support/test-database';
import { startTestApp, type TestServer } from '../support/test-server';

const run = promisify(execFile);
const PASSWORD = 'correct horse battery staple';
let server: TestServer;
let key: string;
let keyId: string;

beforeAll(async () => {
  server = await startTestApp({ AUTH: 'required', DASHBOARD_PASSWORD: PASSWORD, LOCAL_ENGINE_DELAY_MS: '600000' });
  ({
    key,
    info: { id: keyId },
  } = await server.services.access.keys.create('tests'));
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

const bearer = (value: string) => ({ Authorization: `Bearer ${value}` });

async function expectUnauthorized(response: Response) {
  expect(response.status).toBe(401);
  expect(response.headers.get('www-authenticate')).toBe('Bearer');
  expect(await response.json()).toEqual({ error: { code: 'unauthorized', message: UNAUTHORIZED_MESSAGE } });
}

function postUpload(headers: Record<string, string>, image: Buffer) {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(image)], { type: 'image/jpeg' }), 'x.jpg');
  return server.fetch('/api/v1/uploads', { method: 'POST', body: form, headers });
}

function submit(headers: Record<string, string>, image: string) {
  return server.fetch('/api/v1/videos/generations', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ model: 'hailuo-2-3', prompt: SEED_PROMPT, image }),
  });
}

describe('without a valid credential', () => {
  const other = () => key.slice(0, -4) + (key.endsWith('AAAA') ? 'BBBB' : 'AAAA');
  it.each([
    ['no credential', () => ({})],
    ['the seed placeholder key', () => bearer('aio_your_api_key')],
    ['a key with a wrong secret', () => bearer(other())],
    ['a key with an unknown id', () => bearer(`aio_0000000000000000_${key.split('_')[2]}`)],
    ['an empty Bearer', () => ({ Authorization: 'Bearer ' })],
    ['Basic credentials', () => ({ Authorization: `Basic ${Buffer.from(`admin:${PASSWORD}`).toString('base64')}` })],
    ['a made-up session cookie', () => ({ Cookie: `hailuo_session=${'a'.repeat(43)}` })],
  ])('%s gets the same 401 on every protected route', async (_name, headers) => {
    const h = headers() as Record<string, string>;
    for (const pathname of [
      '/api/v1/tasks',
      '/api/v1/tasks/tsk_x/history',
      '/api/v1/models',
      '/api/v1/billing/credits',
      '/media/videos/tsk_x.mp4',
      '/api/v1/no-such-route',
    ]) {
      await expectUnauthorized(await server.fetch(`${pathname}`, { headers: h }));
    }
    await expectUnauthorized(await submit(h, 'https://example.com/a.jpg'));
    await expectUnauthorized(await postUpload(h, await makeTestImage()));
  });

  it('the health check, the sign-in state and the page stay open', async () => {
    expect((await server.fetch('/api/health')).status).toBe(200);
    expect(await (await server.fetch('/api/v1/auth/session')).json()).toEqual({
      required: true,
      signed_in: false,
    });
    expect((await server.fetch('/tasks')).status).not.toBe(401);
  });
});

describe('API keys', () => {
  it('a key the server issued works for reads, uploads and submits', async () => {
    expect((await server.fetch('/api/v1/tasks', { headers: bearer(key) })).status).toBe(200);
    const stored = uploadSchema.parse(await (await postUpload(bearer(key), await makeTestImage())).json());
    expect((await submit(bearer(key), stored.url)).status).toBe(202);
  });

  it('is stored only as a keyed hash', () => {
    const db = fs.readFileSync(path.join(server.dataDir, ACCESS_DATABASE_FILE));
    const wal = path.join(server.dataDir, `${ACCESS_DATABASE_FILE}-wal`);
    const all = Buffer.concat([db, fs.existsSync(wal) ? fs.readFileSync(wal) : Buffer.alloc(0)]);
    expect(all.includes(Buffer.from(key))).toBe(false);
    // The secret is everything after the id; base64url may put '_' inside it too.
    const secret = key.split('_').slice(2).join('_');
    expect(secret).toHaveLength(43);
    expect(all.includes(Buffer.from(secret))).toBe(false);
  });

  it('an upload link carries a token that opens that one file, and nothing else', async () => {
    const stored = uploadSchema.parse(await (await postUpload(bearer(key), await makeTestImage())).json());
    const url = new URL(stored.url);
    const token = url.searchParams.get('t');
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect((await server.fetch(stored.url)).status).toBe(200);
    await expectUnauthorized(await server.fetch(`${url.origin}${url.pathname}`));
    await expectUnauthorized(await server.fetch(`${url.origin}${url.pathname}?t=${'0'.repeat(32)}`));
    await expectUnauthorized(await server.fetch(`${url.origin}/media/videos/${stored.id}.mp4?t=${token}`));
  });

  it('`npm run keys` creates and revokes keys for a running server', async () => {
    const env = { ...process.env, DATA_DIR: server.dataDir, ...(await testDatabaseEnv(server.dataDir)) };
    const cli = (...args: string[]) =>
      run(process.execPath, ['--import', 'tsx', 'src/server/cli/keys.ts', ...args], { env });
    const made = (await cli('create', 'ci bot')).stdout.trim();
    expect(made).toMatch(/^aio_[0-9a-z]{16}_[A-Za-z0-9_-]{43}$/);
    expect((await server.fetch('/api/v1/tasks', { headers: bearer(made) })).status).toBe(200);
    const listed = (await cli('list')).stdout;
    expect(listed).toContain('ci bot');
    expect(listed).not.toContain(made);
    await cli('revoke', `key_${made.split('_')[1]}`);
    await expectUnauthorized(await server.fetch('/api/v1/tasks', { headers: bearer(made) }));
  });

  it('a revoked key is refused from the next request on', async () => {
    const { key: doomed, info } = await server.services.access.keys.create('doomed');
    expect((await server.fetch('/api/v1/tasks', { headers: bearer(doomed) })).status).toBe(200);
    expect(await server.services.access.keys.revoke(info.id)).toBe(true);
    await expectUnauthorized(await server.fetch('/api/v1/tasks', { headers: bearer(doomed) }));
    expect(keyId).not.toBe(info.id);
  });
});

describe('dashboard sign-in', () => {
  const signIn = (password: string, api: Api = server) =>
    api.fetch('/api/v1/auth/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ password }),
    });

  it('a wrong password is a 401 and sets no cookie', async () => {
    const response = await signIn('not the password');
    expect(response.status).toBe(401);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('the right password gives an HttpOnly, SameSite=Strict session that opens the API and media, until sign-out', async () => {
    const response = await signIn(PASSWORD);
    expect(response.status).toBe(200);
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^hailuo_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/); // plain http on loopback
    const cookie = { Cookie: setCookie.split(';')[0]! };

    expect((await server.fetch('/api/v1/tasks', { headers: cookie })).status).toBe(200);
    const stored = uploadSchema.parse(await (await postUpload(cookie, await makeTestImage())).json());
    const url = new URL(stored.url);
    expect((await server.fetch(`${url.origin}${url.pathname}`, { headers: cookie })).status).toBe(200);
    expect(await (await server.fetch('/api/v1/auth/session', { headers: cookie })).json()).toEqual({
      required: true,
      signed_in: true,
    });

    const out = await server.fetch('/api/v1/auth/session', { method: 'DELETE', headers: cookie });
    expect(out.status).toBe(200);
    await expectUnauthorized(await server.fetch('/api/v1/tasks', { headers: cookie }));
  });

  it('a wrong key beside a good cookie is still refused', async () => {
    const cookie = (await signIn(PASSWORD)).headers.get('set-cookie')!.split(';')[0]!;
    await expectUnauthorized(
      await server.fetch('/api/v1/tasks', { headers: { Cookie: cookie, ...bearer('aio_wrong') } }),
    );
  });

  it('the cookie is Secure when the server is served over https', async () => {
    const https = await startTestApp({
      AUTH: 'required',
      DASHBOARD_PASSWORD: PASSWORD,
      PUBLIC_BASE_URL: 'https://studio.example.com',
    });
    try {
      expect((await signIn(PASSWORD, https)).headers.get('set-cookie')).toMatch(/; Secure/);
    } finally {
      await https.stop();
      fs.rmSync(https.dataDir, { recursive: true, force: true });
    }
  });
});

describe('starting beyond loopback', () => {
  const start = (env: Record<string, string>) =>
    run(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, DATA_DIR: fs.mkdtempSync(path.join(server.dataDir, 'start-')), PORT: '0', ...env },
      timeout: 20_000,
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );

  // 192.0.2.1 is TEST-NET-1: no machine has it, so even a wrong start could not listen there.
  it('refuses to start with no way to sign in, and says what to set', async () => {
    const { code, stderr } = await start({ HOST: '192.0.2.1', DASHBOARD_PASSWORD: '' });
    expect(code).toBe(2);
    expect(stderr).toContain('Refusing to start: HOST=192.0.2.1');
    expect(stderr).toContain('DASHBOARD_PASSWORD');
    expect(stderr).toContain('npm run keys -- create');
  });

  it('AUTH=required on loopback with nothing configured refuses too', async () => {
    const { code, stderr } = await start({ HOST: '127.0.0.1', AUTH: 'required', DASHBOARD_PASSWORD: '' });
    expect(code).toBe(2);
    expect(stderr).toContain('Refusing to start');
  });

  it('a test-only loopback fetch switch is refused beyond loopback', async () => {
    const { code, stderr } = await start({
      HOST: '192.0.2.1',
      DASHBOARD_PASSWORD: PASSWORD,
      UNSAFE_ALLOW_LOOPBACK_FETCH: '1',
    });
    expect(code).not.toBe(0);
    expect(stderr).toContain('UNSAFE_ALLOW_LOOPBACK_FETCH');
  });
});
