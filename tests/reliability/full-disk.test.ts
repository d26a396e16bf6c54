/**
 * A full disk, made for real: the servers' DATA_DIRs are on a 40 MB tmpfs, filled with a file
 * until the kernel answers ENOSPC. An upload gets 507 and leaves no file; a local preview task
 * fails at once, in plain words, the detail (without paths) in its history; a paid video from
 * API in One waits for space and is saved once space is freed; and with space back everything
 * works again. Mounting needs root (CI runs as root); elsewhere the suite is skipped, saying so.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskHistorySchema } from '@/shared/contract';
import { isFinalStatus } from '@/shared/status';
import { renderClip } from '@/server/engine/local/render-clip';
import { describeFault } from '@/server/faults/describe-fault';
import { asStorageFullWhenLow, STORAGE_HEADROOM_BYTES } from '@/server/media/free-space';
import { runTool } from '@/server/media/run-tool';
import { FFMPEG_PATH } from '@/server/media/tool-paths';
import { JobKeepingUpstream } from '../fakes/job-keeping-upstream';
import { makeUpstreamClip } from '../fakes/upstream-clip';
import { expectError, getJson, getTask, postUpload, submit, upload, waitForTask } from '../support/api-calls';
import { bodyFor } from '../support/api-in-one-server';
import { fileTree } from '../support/file-tree';
import { expectNoServerPaths, expectPlainWords } from '../support/plain-words';
import { ServerProcess } from '../support/server-process';
import { mountSmallDisk } from '../support/small-disk';
import { CANARY_KEY } from '../support/test-client';
import { makeTestImage } from '../support/test-image';
import { waitUntil } from '../support/wait-until';

const mounted = mountSmallDisk(40);
const disk = 'skipped' in mounted ? null : mounted;
if (!disk) console.warn(`full-disk tests skipped: ${(mounted as { skipped: string }).skipped}`);
afterAll(() => disk?.unmount());

/* Room for the database, below the headroom our own large writes leave free (so they do not start). */
const ROOM_FOR_THE_DATABASE = 1024 * 1024;

const history = (server: ServerProcess, id: string) =>
  getJson(server, `/api/v1/tasks/${id}/history`, taskHistorySchema);
const halfWritten = (dataDir: string) => Object.keys(fileTree(dataDir)).filter((file) => file.includes('.part'));

describe.skipIf(!disk)('the render on a full disk', () => {
  it.each([
    ['libvips, writing the still', 0, /write error/],
    ['ffmpeg, writing the video', 160 * 1024, /ffmpeg/],
  ])('%s: told as a full disk, no part file left', async (_tool, room, toolWords) => {
    const dir = fs.mkdtempSync(path.join(disk!.dir, 'render-'));
    disk!.fill(room);
    try {
      const error = await renderClip({
        image: await makeTestImage(),
        imageWidth: 640,
        imageHeight: 400,
        duration: '6',
        resolution: '768P',
        mode: 'standard',
        prompt: '[Push in]',
        videoPath: path.join(dir, 'tsk_x.mp4'),
        posterPath: path.join(dir, 'tsk_x.jpg'),
      }).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).not.toBeNull();
      // As the local engine reads it: ffmpeg may exit 0 with the MP4 cut short, and the poster step fails instead.
      const fault = describeFault(await asStorageFullWhenLow(error, dir), {
        doing: 'making the preview video',
        code: 'engine_failed',
      });
      expect(fault.code, fault.detail).toBe('insufficient_storage');
      expect(fault.detail).toMatch(/No space left on device/i);
      expect(fault.detail).toMatch(toolWords);
      expect(fault.detail).not.toContain(disk!.dir);
      // No part file or still of its own; a video it placed before failing the engine removes (below).
      expect(fs.readdirSync(dir).filter((name) => /\.(part|still)-/.test(name))).toEqual([]);
    } finally {
      disk!.empty();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!disk)('a full disk, local preview engine', () => {
  let dataDir: string;
  let server: ServerProcess;
  let imageUrl: string;
  const uploads = () => fs.readdirSync(path.join(dataDir, 'media', 'uploads')).sort();

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(disk!.dir, 'local-'));
    server = await ServerProcess.create(dataDir, { LOG_LEVEL: 'error', LOCAL_ENGINE_DELAY_MS: '800' });
    await server.start();
    imageUrl = (await upload(server, await makeTestImage())).url;
  });
  afterAll(async () => {
    await server?.kill();
    disk!.empty();
  });

  it('an upload gets 507 insufficient_storage, in words, and leaves no file', async () => {
    const before = uploads();
    disk!.fill(0);
    const message = await expectError(await postUpload(server, await makeTestImage()), 507, 'insufficient_storage');
    expect(message).toMatch(/run out of storage space/);
    expectPlainWords(message, dataDir);
    expect(uploads()).toEqual(before);
    expect(halfWritten(dataDir)).toEqual([]);
  });

  it('a local task fails at once, in plain words; its history has the detail, without paths', async () => {
    disk!.empty();
    disk!.fill(ROOM_FOR_THE_DATABASE);
    const started = Date.now();
    const created = await submit(server, { prompt: 'On a full disk', image: imageUrl });
    const task = await waitForTask(server, created.task_id, undefined, 30_000);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(task).toMatchObject({ status: 'failed', charged_credits: 0, error: { code: 'insufficient_storage' } });
    expect(task.error!.message).toMatch(/^The server ran out of storage space while making the preview video\./);
    expectPlainWords(task.error!.message, dataDir);
    const story = await history(server, created.task_id);
    const poll = story.upstream.findLast((x) => x.operation === 'poll');
    expect(JSON.stringify(poll?.body)).toMatch(/No space left on device/i);
    expectNoServerPaths(JSON.stringify(story), dataDir);
    // Nothing of the render is left: no still, no part file, in scratch or media.
    expect(Object.keys(fileTree(dataDir)).filter((file) => file.includes(created.task_id))).toEqual([]);
    expect(halfWritten(dataDir)).toEqual([]);
  });

  it('with space back, uploads and videos work again', async () => {
    disk!.empty();
    const image = await upload(server, await makeTestImage(512, 320));
    const created = await submit(server, { prompt: 'Space is back', image: image.url });
    const task = await waitForTask(server, created.task_id, undefined, 60_000);
    expect(task, JSON.stringify(task.error)).toMatchObject({ status: 'succeeded' });
    expect((await server.fetch(task.result!.video_url, { method: 'HEAD' })).headers.get('content-type')).toBe(
      'video/mp4',
    );
  });
});

/* A real MP4 of about 8 MB (lossless, so large): more than the room left for it. */
async function makeLargeClip(): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hailuo-clip-'));
  const file = path.join(dir, 'large.mp4');
  await runTool(
    FFMPEG_PATH,
    [
      ...['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=24', '-t', '5'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-qp', '0', '-pix_fmt', 'yuv420p', file],
    ],
    { timeoutMs: 60_000 },
  );
  const clip = fs.readFileSync(file);
  fs.rmSync(dir, { recursive: true, force: true });
  return clip;
}

describe.skipIf(!disk)('a full disk, a paid video from API in One', () => {
  let dataDir: string;
  let server: ServerProcess;
  let upstream: JobKeepingUpstream;
  let clip: Buffer;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(disk!.dir, 'paid-'));
    clip = await makeLargeClip();
    upstream = await JobKeepingUpstream.start(await makeUpstreamClip(os.tmpdir()));
    upstream.script('A paid video', {
      polls: ['Success'],
      video: { body: clip, headers: { 'content-type': 'video/mp4' } },
    });
    server = await ServerProcess.create(dataDir, {
      LOG_LEVEL: 'error',
      APIINONE_API_KEY: CANARY_KEY,
      APIINONE_BASE_URL: upstream.baseUrl,
      // The person's photo is served by the fake upstream on loopback, which the server fetches and hands over.
      UNSAFE_ALLOW_LOOPBACK_FETCH: '1',
    });
    await server.start();
  });
  afterAll(async () => {
    await server?.kill();
    await upstream?.close();
    disk!.empty();
  });

  it('waits for space rather than failing, and is saved, charged once, when space is freed', async () => {
    // Enough free that the copy starts, too little for the video: the kernel stops it, ENOSPC.
    const room = STORAGE_HEADROOM_BYTES + 2 * 1024 * 1024;
    expect(clip.length).toBeGreaterThan(room + 1024 * 1024);
    disk!.fill(room);
    const created = await submit(server, bodyFor(upstream, 'A paid video'));
    const waitingNote = (x: { error: string | null }) => x.error?.includes('saved here as soon as space is freed');
    await waitUntil('the copy to wait for space', async () =>
      (await history(server, created.task_id)).upstream.some(waitingNote),
    );
    const job = upstream.jobOfKey(created.task_id)!;
    await waitUntil('a second attempt at the copy', () => upstream.downloadsOf(job.id) >= 2);
    expect(isFinalStatus((await getTask(server, created.task_id)).status)).toBe(false);
    const waiting = await history(server, created.task_id);
    // Failed attempts leave nothing: at most the part file of the attempt under way, and no video.
    expect(halfWritten(dataDir).length).toBeLessThanOrEqual(1);
    expect(fs.readdirSync(path.join(dataDir, 'media', 'videos')).filter((name) => name.endsWith('.mp4'))).toEqual([]);
    const note = waiting.upstream.find(waitingNote)!;
    expectPlainWords(note.error!, dataDir);
    expect(JSON.stringify(note.body)).toMatch(/No space left on device/i);
    expectNoServerPaths(JSON.stringify(waiting), dataDir);

    disk!.empty();
    const task = await waitForTask(server, created.task_id, undefined, 30_000);
    expect(task).toMatchObject({ status: 'succeeded', charged_credits: task.price_credits });
    expect(halfWritten(dataDir)).toEqual([]);
    const saved = fs.readFileSync(path.join(dataDir, 'media', 'videos', `${created.task_id}.mp4`));
    expect(saved.equals(clip)).toBe(true);
    const done = await history(server, created.task_id);
    expect(done.ledger.filter((entry) => entry.reason === 'charge')).toHaveLength(1);
    const copied = done.upstream.findLast((x) => x.operation === 'download');
    expect(copied?.body).toMatchObject({ storage_waits: expect.any(Number) });
    expect((copied!.body as { storage_waits: number }).storage_waits).toBeGreaterThanOrEqual(1);
  }, 90_000);
});
