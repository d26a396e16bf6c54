/** The task list says how long it took inside the server (Server-Timing), for devtools and the gallery bench. */
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { taskListSchema } from '@/shared/contract';
import { startTestApp, type TestServer } from '../../../tests/support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestApp();
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

it('answers the list with its server time, a refusal without one', async () => {
  const response = await server.fetch('/api/v1/tasks?status=failed&limit=5');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const timing = /^app;dur=(\d+\.\d\d)$/.exec(response.headers.get('server-timing') ?? '');
  expect(timing).not.toBeNull();
  expect(Number(timing![1])).toBeGreaterThan(0);
  expect(taskListSchema.parse(await response.json()).items).toEqual([]);

  const refused = await server.fetch('/api/v1/tasks?limit=0');
  expect(refused.status).toBe(400);
});
