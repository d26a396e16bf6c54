/**
 * A montage with media in an S3-compatible bucket (s3rver on 127.0.0.1): its clips, soundtrack
 * and logo are read from the bucket, its video and poster are placed there, and nothing of it is
 * left on the server's disk — the render copies its inputs to scratch and removes them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upload } from '../support/api-calls';
import { mediaNameOf } from '../support/media-files';
import { createMontage, seedFinishedClip, uploadAudio, waitForMontage } from '../support/montage-calls';
import { mediaFilesOnDisk, startTestS3, useS3KeyInThisProcess, type TestS3 } from '../support/s3-server';
import { makeAudio, probeMedia } from '../support/test-media';
import { makeTestImage } from '../support/test-image';
import { startTestApp, type TestServer } from '../support/test-server';

let s3: TestS3;
let server: TestServer;

beforeAll(async () => {
  s3 = await startTestS3();
  useS3KeyInThisProcess(s3);
  server = await startTestApp({ ...s3.env, LOCAL_ENGINE_DELAY_MS: '600000' });
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await s3?.close();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

describe('a montage with media in a bucket', () => {
  it('reads clips, soundtrack and logo from the bucket and places its video and poster there', async () => {
    const clips = [
      await seedFinishedClip(server.services, 640, 360, 3),
      await seedFinishedClip(server.services, 360, 640, 3),
    ];
    const song = await uploadAudio(server, await makeAudio('mp3', 10));
    const logo = await upload(server, await makeTestImage(400, 400));
    const { created } = await createMontage(server, {
      format: '1:1',
      transition: 'crossfade',
      clips: clips.map((task_id) => ({ task_id, caption: 'From the bucket' })),
      audio: { url: song.url },
      end_card: { text: 'shop.example', image_url: logo.url, duration_s: 1 },
    });
    const done = await waitForMontage(server, created.montage_id);
    expect(done).toMatchObject({ status: 'succeeded', error: null });
    const videoKey = mediaNameOf(done.result!.video_url);
    const posterKey = mediaNameOf(done.result!.poster_url!);
    const keys = await s3.keys();
    expect(keys).toEqual(expect.arrayContaining([videoKey, posterKey, mediaNameOf(song.url)]));
    const local = path.join(server.dataDir, 'probe.mp4');
    fs.writeFileSync(local, await s3.object(videoKey));
    expect(await probeMedia(local)).toMatchObject({ width: 720, height: 720, videoCodec: 'h264', audioCodec: 'aac' });
    fs.rmSync(local);
    const served = await server.fetch(done.result!.video_url);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(await s3.object(videoKey))).toBe(true);
    // The inputs copied for ffmpeg and the staged outputs are gone; nothing lands in DATA_DIR/media.
    expect(mediaFilesOnDisk(server.dataDir)).toEqual([]);
    expect(fs.existsSync(path.join(server.dataDir, 'media'))).toBe(false);
  }, 120_000);
});
