/**
 * Unknown paths under /api and /media, in every spelling a client or a proxy may send — any
 * case, doubled slashes, dot segments, trailing slashes and dots, percent-encoded letters and
 * slashes — answer our JSON 404 over a real socket, sent raw so nothing normalises them first;
 * never the dashboard's page with 200. The dashboard's own deep links still get the page.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '@/shared/contract';
import { FAKE_INDEX, writeFakeDist } from '../support/fake-dist';
import { rawRequest } from '../support/raw-request';
import { makeDataDir, startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
beforeAll(async () => {
  const dataDir = makeDataDir();
  server = await startTestServer({ DIST_DIR: writeFakeDist(dataDir) }, dataDir);
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

const SPELLINGS = [
  '/API/v1/tasks',
  '/Api/V1/Tasks',
  '//api/v1/tasks',
  '//api//v1//tasks',
  '/x/../API/v1/tasks',
  '/api/v1/nothing-here',
  '/api/v1/tasks/',
  '/api/',
  '/api',
  '/api.',
  '/api./v1/tasks',
  '/%41PI/v1/tasks',
  '/api%2Fv1%2Ftasks',
  '/api%2fv1%2ftasks',
  '/%2Fapi%2Fv1%2Ftasks',
  '/api%252Fv1%252Ftasks',
  '/api;x=1/v1/tasks',
  '/media',
  '/media/',
  '/Media/x',
  '/MEDIA/uploads/x.png',
  '//media/uploads/x.png',
  '/media/uploads/',
  '/media/videos/tsk_nothing.mp4/',
  '/%6Dedia/uploads/x.png',
  '/media%2Fuploads%2Fx.png',
];

describe('unknown /api and /media paths', () => {
  it.each(SPELLINGS)('GET %s answers our JSON 404', async (spelling) => {
    const response = await rawRequest(server.url, { path: spelling });
    expect(response.status, response.body).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(apiErrorSchema.parse(JSON.parse(response.body)).error.code).toBe('not_found');
  });

  it.each(['HEAD', 'POST', 'PUT', 'DELETE'])('%s /API/v1/tasks answers 404 too, not the page', async (method) => {
    const response = await rawRequest(server.url, { method, path: '/API/v1/tasks' });
    expect(response.status).toBe(404);
    expect(response.body).not.toContain(FAKE_INDEX);
  });

  it('the dashboard’s own links still get the page, and real routes their answers', async () => {
    for (const deepLink of ['/', '/tasks/tsk_x', '/support', '/apis', '/mediakit']) {
      const response = await rawRequest(server.url, { path: deepLink });
      expect({ deepLink, status: response.status, body: response.body }).toMatchObject({
        status: 200,
        body: FAKE_INDEX,
      });
    }
    // `%61` is an encoded `a`, the same path by the URL rules: the route answers it.
    for (const route of ['/api/v1/tasks', '/%61pi/v1/tasks']) {
      const list = await rawRequest(server.url, { path: route });
      expect(list.status).toBe(200);
      expect(JSON.parse(list.body)).toHaveProperty('items');
    }
  });
});
