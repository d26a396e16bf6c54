/**
 * A batch of three real images through the local engine to real MP4s, then collected: the ZIP
 * holds the three videos (the bytes the server serves, named as a single download is) and a
 * manifest in CSV and JSON; a retried batch is charged once; the spend report adds up.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditsSchema, type Task } from '@/shared/contract';
import { downloadManifestSchema, spendSchema, type Batch } from '@/shared/batch-contract';
import { downloadFileName } from '@/shared/download-name';
import { MANIFEST_COLUMNS } from '@/server/downloads/manifest';
import { probeVideo } from '@/server/media/probe-video';
import { expectError, getJson, submit, upload, waitForTask } from '../../../tests/support/api-calls';
import { countAllTasks, createBatch, fetchZip, waitForBatch } from '../../../tests/support/batch-calls';
import { parseCsv } from '../../../tests/support/parse-csv';
import { makeTestImage } from '../../../tests/support/test-image';
import { startTestApp, type TestServer } from '../../../tests/support/test-server';

let server: TestServer;
let batch: Batch;
let failed: Task;
const PROMPT = 'Slow push in on the perfume bottle, soft studio light';
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'zip-test-'));

const nameOf = (task: Task) => downloadFileName(task);
const isMp4 = (bytes: Uint8Array) => strFromU8(bytes.subarray(4, 8)) === 'ftyp';

beforeAll(async () => {
  server = await startTestApp();
  const images = [];
  for (const [w, h] of [
    [640, 400],
    [400, 640],
    [600, 600],
  ] as const)
    images.push((await upload(server, await makeTestImage(w, h))).url);
  const created = await createBatch(server, { prompt: PROMPT, images }, { 'Idempotency-Key': 'zip-batch' });
  batch = await waitForBatch(server, created.batch_id);
  // An image link nobody answers: the task fails, uncharged.
  const doomed = await submit(server, { prompt: 'Doomed', image: 'http://127.0.0.1:9/gone.jpg' });
  failed = await waitForTask(server, doomed.task_id);
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe('a finished batch', () => {
  it('ends with every task succeeded, progress 100 and the total charged', () => {
    expect(batch.tasks.map((t) => t.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(batch).toMatchObject({ done: true, progress: 100, total_price_credits: 90, charged_credits: 90 });
    expect(batch.counts.succeeded).toBe(3);
    expect(batch.finished_at).not.toBeNull();
    expect(failed.status).toBe('failed');
  });

  it('answers a retry after it finished with the same batch, charged once', async () => {
    const before = await countAllTasks(server);
    const images = batch.tasks.map((t) => t.image);
    const again = await createBatch(server, { prompt: PROMPT, images }, { 'Idempotency-Key': 'zip-batch' });
    expect(again).toMatchObject({ batch_id: batch.batch_id, replayed: true, total_price_credits: 90 });
    expect(again.task_ids).toEqual(batch.tasks.map((t) => t.task_id));
    expect(await countAllTasks(server)).toBe(before);
    const credits = await getJson(server, '/api/v1/billing/credits', creditsSchema);
    expect(credits).toMatchObject({ spent: 90, balance: 1000 - 90 });
  });
});

describe('GET /api/v1/downloads.zip', () => {
  it('zips the batch: three MP4s as the server serves them, and a manifest with three rows', async () => {
    const { response, bytes, files } = await fetchZip(server, `batch_id=${batch.batch_id}`);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="hailuo-batch-slow-push-in-on-the-perfume-${batch.batch_id}\\.zip"$`),
    );
    const names = batch.tasks.map(nameOf);
    expect(Object.keys(files!).sort()).toEqual(['manifest.csv', 'manifest.json', ...names].sort());

    let videoBytes = 0;
    for (const task of batch.tasks) {
      const video = files![nameOf(task)]!;
      expect(isMp4(video)).toBe(true);
      const served = new Uint8Array(await (await server.fetch(task.result!.video_url)).arrayBuffer());
      expect(Buffer.compare(Buffer.from(video), Buffer.from(served))).toBe(0);
      videoBytes += video.length;
    }
    // Stored, not deflated: the archive is at least as large as the videos in it.
    expect(bytes!.length).toBeGreaterThanOrEqual(videoBytes);
    const file = path.join(scratch, names[0]!);
    fs.writeFileSync(file, files![names[0]!]!);
    const facts = await probeVideo(file);
    expect(facts.codec).toBe('h264');
    expect(facts.durationS).toBeCloseTo(6, 0);

    const manifest = downloadManifestSchema.parse(JSON.parse(strFromU8(files!['manifest.json']!)));
    expect(manifest).toMatchObject({
      batch_id: batch.batch_id,
      videos: 3,
      total_price_credits: 90,
      charged_credits: 90,
    });
    expect(manifest.entries.map((e) => [e.task_id, e.file, e.status, e.mode, e.duration, e.resolution])).toEqual(
      batch.tasks.map((t) => [t.task_id, nameOf(t), 'succeeded', 'standard', '6', '768P']),
    );
    expect(
      manifest.entries.every((e) => e.prompt === PROMPT && e.price_credits === 30 && e.charged_credits === 30),
    ).toBe(true);

    const [header, ...rows] = parseCsv(strFromU8(files!['manifest.csv']!));
    expect(header).toEqual([...MANIFEST_COLUMNS]);
    const csvEntries = rows.map((cells) => Object.fromEntries(MANIFEST_COLUMNS.map((name, i) => [name, cells[i]])));
    expect(csvEntries).toEqual(
      manifest.entries.map((e) =>
        Object.fromEntries(MANIFEST_COLUMNS.map((name) => [name, e[name] === null ? '' : String(e[name])])),
      ),
    );
  });

  it('zips a selection in the order asked, listing a failed task in the manifest without a file', async () => {
    const [first] = batch.tasks;
    const { files } = await fetchZip(server, `ids=${failed.task_id},${first!.task_id}`);
    expect(Object.keys(files!).sort()).toEqual(['manifest.csv', 'manifest.json', nameOf(first!)].sort());
    const manifest = downloadManifestSchema.parse(JSON.parse(strFromU8(files!['manifest.json']!)));
    expect(manifest).toMatchObject({ batch_id: null, videos: 1, charged_credits: 30 });
    expect(manifest.entries.map((e) => [e.task_id, e.status, e.file, e.charged_credits])).toEqual([
      [failed.task_id, 'failed', null, 0],
      [first!.task_id, 'succeeded', nameOf(first!), 30],
    ]);
    expect(manifest.entries[0]!.error).toBe(failed.error!.message);
    const csvRows = parseCsv(strFromU8(files!['manifest.csv']!));
    const at = (name: (typeof MANIFEST_COLUMNS)[number]) => MANIFEST_COLUMNS.indexOf(name);
    expect(csvRows.slice(1).map((cells) => [cells[at('task_id')], cells[at('status')], cells[at('file')]])).toEqual([
      [failed.task_id, 'failed', ''],
      [first!.task_id, 'succeeded', nameOf(first!)],
    ]);
  });

  it('refuses with 409 when nothing asked for has a video, and says why', async () => {
    const { response } = await fetchZip(server, `ids=${failed.task_id}`);
    expect(await expectError(response, 409, 'not_ready')).toBe(
      'This video is not ready to download (1 failed). Nothing here finished with a video; re-run the failed ones to try again.',
    );
  });

  it('refuses unknown ids and batches (404) and a request that names neither or both (400)', async () => {
    const unknown = await fetchZip(server, `ids=${batch.tasks[0]!.task_id},tsk_nope`);
    expect(await expectError(unknown.response, 404, 'not_found')).toContain('"tsk_nope"');
    await expectError((await fetchZip(server, 'batch_id=bat_nope')).response, 404, 'not_found');
    await expectError((await fetchZip(server, '')).response, 400, 'validation_failed');
    const both = await fetchZip(server, `batch_id=${batch.batch_id}&ids=${failed.task_id}`);
    await expectError(both.response, 400, 'validation_failed');
    await expectError((await fetchZip(server, 'format=tar')).response, 400, 'validation_failed');
  });
});

describe('GET /api/v1/billing/spend', () => {
  it('adds up to the ledger per day and per batch, in any time zone', async () => {
    const { spent } = await getJson(server, '/api/v1/billing/credits', creditsSchema);
    for (const offset of [0, -600, 840]) {
      const report = await getJson(server, `/api/v1/billing/spend?days=7&tz_offset_min=${offset}`, spendSchema);
      expect(report.by_day).toHaveLength(7);
      expect(report.total_charged_credits).toBe(spent);
      expect(report.by_day.reduce((sum, d) => sum + d.charged_credits, 0)).toBe(spent);
      expect(report.by_day.reduce((sum, d) => sum + d.videos, 0)).toBe(3);
      // Today, in the viewer's zone, is the last day.
      const today = new Date(Date.now() + offset * 60_000).toISOString().slice(0, 10);
      expect(report.by_day.at(-1)).toEqual({ date: today, charged_credits: 90, videos: 3 });
      expect(report.by_batch).toEqual([
        {
          batch_id: batch.batch_id,
          prompt: PROMPT,
          created_at: batch.created_at,
          task_count: 3,
          succeeded: 3,
          total_price_credits: 90,
          charged_credits: 90,
        },
      ]);
    }
  });

  it('refuses a window it cannot answer', async () => {
    for (const search of ['days=0', 'days=366', 'days=ten', 'tz_offset_min=900', 'month=1']) {
      await expectError(await server.fetch(`/api/v1/billing/spend?${search}`), 400, 'validation_failed');
    }
  });
});
