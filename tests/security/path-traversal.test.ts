/**
 * No request path reaches a file outside the folders it names: `..` in every spelling (encoded,
 * double-encoded, backslashes, encoded slashes), absolute paths and null bytes, against the media
 * routes and the built page's static files. Sent raw, so nothing normalises them on the way.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upload } from '../support/api-calls';
import { rawRequest, type RawResponse } from '../support/raw-request';
import { FAKE_INDEX, FAKE_SCRIPT, writeFakeDist } from '../support/fake-dist';
import { makeTestImage } from '../support/test-image';
import { makeDataDir, startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let uploadName: string;
/* Files beside the served folders that a traversal would be after. */
const SECRETS = ['SQLite format', 'root:x:0:0', 'top secret beside dist'];

beforeAll(async () => {
  const dataDir = makeDataDir();
  const dist = writeFakeDist(dataDir);
  fs.writeFileSync(path.join(dataDir, 'secret.txt'), 'top secret beside dist');
  server = await startTestServer({ DIST_DIR: dist }, dataDir);
  uploadName = new URL((await upload(server, await makeTestImage())).url).pathname.split('/').pop()!;
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

const MEDIA_ATTACKS = [
  '/media/../hailuo.sqlite',
  '/media/uploads/../../hailuo.sqlite',
  '/media/uploads/../../../../../../etc/passwd',
  '/media/uploads/%2e%2e/%2e%2e/hailuo.sqlite',
  '/media/uploads/%2e%2e%2f%2e%2e%2fhailuo.sqlite',
  '/media/uploads/..%2f..%2fhailuo.sqlite',
  '/media/uploads/..%2F..%2F..%2F..%2Fetc%2Fpasswd',
  '/media/uploads/%252e%252e%252f%252e%252e%252fhailuo.sqlite',
  '/media/uploads/..%5c..%5chailuo.sqlite',
  '/media/uploads/..\\..\\hailuo.sqlite',
  '/media/%2fetc%2fpasswd',
  '/media//etc/passwd',
  '/media/uploads//etc/passwd',
  '/media/videos/%2e%2e/%2e%2e/access-pepper',
  '/media/posters/..%00/hailuo.sqlite',
  '/media/uploads/UPLOAD%00.txt',
  '/media/uploads/UPLOAD%00/../../hailuo.sqlite',
  '/media/uploads/UPLOAD/..%2f..%2f..%2fhailuo.sqlite',
  '/media/uploads/%2e%2e',
  '/media/%2e%2e/hailuo.sqlite',
  '/media/secret.txt',
  '/media/uploads/secret.txt',
];

const STATIC_ATTACKS = [
  '/../secret.txt',
  '/%2e%2e/secret.txt',
  '/%2e%2e%2fsecret.txt',
  '/assets/../../secret.txt',
  '/assets/%2e%2e/%2e%2e/secret.txt',
  '/assets/..%2f..%2fsecret.txt',
  '/assets/..%5c..%5csecret.txt',
  '/assets/%252e%252e/%252e%252e/secret.txt',
  '//etc/passwd',
  '/%2fetc%2fpasswd',
  '/assets/app.js%00.html',
  '/index.html%00.txt',
  '/..%2f..%2f..%2f..%2fetc%2fpasswd',
];

function expectNoSecret(body: string) {
  for (const secret of SECRETS) expect(body).not.toContain(secret);
}

/*
 * A path the URL parser resolves (`/media/../x` is `/x`) leaves /media and gets the page; Node
 * itself answers 400 to a request line it will not parse (a backslash). Either way: no file.
 */
function expectPageOrRefusal(response: RawResponse) {
  expect(response.status).toBeLessThan(500);
  if (response.status === 200) expect([FAKE_INDEX, FAKE_SCRIPT]).toContain(response.body);
  else expect(response.status).toBeGreaterThanOrEqual(400);
  expectNoSecret(response.body);
}

describe('media routes', () => {
  it.each(MEDIA_ATTACKS)('%s reads nothing outside the media folders', async (attack) => {
    const response = await rawRequest(server.url, { path: attack.replaceAll('UPLOAD', uploadName) });
    expectPageOrRefusal(response);
    // Whatever stayed under /media was refused in our JSON shape.
    if (response.status === 404) expect(JSON.parse(response.body)).toHaveProperty('error.code', 'not_found');
  });

  it('still serves the upload by its own name', async () => {
    const response = await rawRequest(server.url, { path: `/media/uploads/${uploadName}` });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('image/jpeg');
  });
});

describe('the built page', () => {
  it.each(STATIC_ATTACKS)('%s answers the page or a 4xx, never a file outside dist', async (attack) => {
    expectPageOrRefusal(await rawRequest(server.url, { path: attack }));
  });
});
