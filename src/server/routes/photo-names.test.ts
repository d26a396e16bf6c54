/**
 * The photo's own name from the upload (or the link) to the card's task, the single download,
 * the ZIP's entries and both manifests: twenty product clips tell themselves apart by name.
 */
import fs from 'node:fs';
import { strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadManifestSchema } from '@/shared/batch-contract';
import { expectError, getTask, postUpload, submit, upload, waitForTask } from '../../../tests/support/api-calls';
import { createBatch, fetchZip, waitForBatch } from '../../../tests/support/batch-calls';
import { parseCsv } from '../../../tests/support/parse-csv';
import { makeTestImage } from '../../../tests/support/test-image';
import { startTestApp, type TestServer } from '../../../tests/support/test-server';
import { FakeUpstream } from '../../../tests/fakes/fake-upstream';

let server: TestServer;
let web: FakeUpstream;

beforeAll(async () => {
  server = await startTestApp();
  // "The web": a product photo behind a link whose last segment is its name.
  web = await FakeUpstream.start();
  web.on('GET', '/catalog/Green%20hat.png', {
    body: await makeTestImage(500, 500, 'png'),
    headers: { 'content-type': 'image/png' },
  });
});
afterAll(async () => {
  await server.stop();
  await web.close();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

describe('the photo’s own name', () => {
  it('is recorded with the upload, sanitized, and answered', async () => {
    const named = await upload(server, await makeTestImage(), 'C:\\fakepath\\Red Shoe — side\r\n.JPG');
    expect(named.name).toBe('Red Shoe — side.JPG');
    expect(named.url).not.toContain('Red');
    const unnamed = await upload(server, await makeTestImage(), '..');
    expect(unnamed.name).toBeNull();
    // The name never decides the type: the bytes do.
    await expectError(await postUpload(server, Buffer.from('not an image'), 'x.jpg'), 422, 'upload_invalid');
  });

  it('travels with the task to its card, its download, the ZIP entry names and both manifests', async () => {
    const shoe = await upload(server, await makeTestImage(640, 400), 'Red shoe.jpg');
    const bag = await upload(server, await makeTestImage(400, 640), 'Blue bag (front).webp');
    const hat = `${web.baseUrl}/catalog/Green%20hat.png`;
    const created = await createBatch(server, {
      prompt: 'Slow turntable',
      images: [shoe.url, bag.url, hat],
      variants: [{ mode: 'standard' }],
    });
    // Renders are slow on a busy machine: a generous bound, never a hang.
    const batch = await waitForBatch(server, created.batch_id, 200_000);
    expect(batch.tasks.map((t) => t.image_name)).toEqual(['Red shoe.jpg', 'Blue bag (front).webp', 'Green hat.png']);
    expect(batch.tasks.every((t) => t.status === 'succeeded')).toBe(true);

    const first = batch.tasks[0]!;
    expect((await getTask(server, first.task_id)).image_name).toBe('Red shoe.jpg');
    const single = await server.fetch(first.result!.download_url);
    expect(single.headers.get('content-disposition')).toBe(
      `attachment; filename="red-shoe-standard-6s-768p-${first.task_id}.mp4"`,
    );
    await single.arrayBuffer();

    const { files } = await fetchZip(server, `batch_id=${created.batch_id}`);
    const videos = Object.keys(files!).filter((name) => name.endsWith('.mp4'));
    const expected = batch.tasks.map((t) => {
      const photo = {
        'Red shoe.jpg': 'red-shoe',
        'Blue bag (front).webp': 'blue-bag-front',
        'Green hat.png': 'green-hat',
      };
      return `${photo[t.image_name as keyof typeof photo]}-${t.mode}-6s-768p-${t.task_id}.mp4`;
    });
    expect(videos.sort()).toEqual([...expected].sort());

    const manifest = downloadManifestSchema.parse(JSON.parse(strFromU8(files!['manifest.json']!)));
    expect(manifest.entries.map((e) => [e.image_name, e.file])).toEqual(
      batch.tasks.map((t, i) => [t.image_name, expected[i]]),
    );
    const [header, ...rows] = parseCsv(strFromU8(files!['manifest.csv']!).replace(/^\uFEFF/, ''));
    const column = header!.indexOf('image_name');
    expect(header!.slice(0, 2)).toEqual(['file', 'image_name']);
    expect(rows.map((row) => row[column])).toEqual(batch.tasks.map((t) => t.image_name));
  }, 240_000);

  it('is left out, never an upl_ name, when an upload had none; a single video keeps the prompt name', async () => {
    const unnamed = await upload(server, await makeTestImage(), '..');
    const { task_id } = await submit(server, { prompt: 'Gentle sway of the curtains', image: unnamed.url });
    const task = await waitForTask(server, task_id, undefined, 120_000);
    expect(task.image_name).toBeNull();
    const response = await server.fetch(task.result!.download_url);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="hailuo-standard-6s-768p-gentle-sway-of-the-curtains-${task_id}.mp4"`,
    );
    await response.arrayBuffer();
  }, 150_000);
});
