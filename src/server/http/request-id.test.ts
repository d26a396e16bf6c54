import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestServer } from '../../../tests/support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestApp();
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

describe('X-Request-Id', () => {
  it('names every answer, a new id each time: JSON, refusals, 404s and the page alike', async () => {
    const ids = [];
    for (const path of ['/api/health', '/api/v1/tasks/tsk_nope', '/api/v1/nothing', '/media/videos/x.mp4', '/']) {
      const response = await server.fetch(path);
      ids.push(response.headers.get('x-request-id'));
    }
    expect(ids.every((id) => id && /^req_[\w-]{12}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps the id a proxy in front gave, and replaces one that is not an id', async () => {
    const kept = await server.fetch('/api/health', { headers: { 'X-Request-Id': 'caddy-7f3a9c2e-01' } });
    expect(kept.headers.get('x-request-id')).toBe('caddy-7f3a9c2e-01');
    for (const odd of ['short', 'x'.repeat(65), 'two words here', 'line\u00a0break"{}']) {
      const replaced = await server.fetch('/api/health', { headers: { 'X-Request-Id': odd } });
      expect(replaced.headers.get('x-request-id')).toMatch(/^req_/);
    }
  });
});
