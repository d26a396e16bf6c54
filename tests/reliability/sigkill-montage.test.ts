/**
 * A montage's render killed for real (issue 21), on SQLite and on PostgreSQL: the server is
 * SIGKILLed while ffmpeg renders a montage of two finished clips, and restarted on the same
 * DATA_DIR. The montage is taken up again at once (not after its lease would have run out), ends
 * once as a playable MP4 of the frame asked for, and is kept as one video and one poster, with
 * nothing half-written beside them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { montageListSchema, montageSchema } from '@/shared/montage-contract';
import { getJson, submit, upload, waitForTasksToEnd } from '../support/api-calls';
import { mediaNameOf } from '../support/media-files';
import { createMontage, waitForMontage } from '../support/montage-calls';
import { ServerProcess } from '../support/server-process';
import { probeMedia } from '../support/test-media';
import { makeTestImage } from '../support/test-image';
import { makeDataDir } from '../support/test-server';
import { waitUntil } from '../support/wait-until';

let server: ServerProcess;
let dataDir: string;

beforeAll(async () => {
  dataDir = makeDataDir();
  // A lease long enough that waiting it out would show: a restart must not need to.
  server = await ServerProcess.create(dataDir, { LOG_LEVEL: 'error', TASK_LEASE_MS: '60000' });
  await server.start();
}, 60_000);
afterAll(async () => {
  await server?.kill();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('SIGKILL while a montage renders', () => {
  it('renders it after the restart, once, as a whole video', async () => {
    const image = await upload(server, await makeTestImage(640, 360));
    const clips = await Promise.all(
      ['Push in on the lamp', 'Orbit the lamp'].map((prompt) =>
        submit(server, { prompt, image: image.url, duration: '10', resolution: '768P' }),
      ),
    );
    const ids = clips.map((c) => c.task_id);
    await waitForTasksToEnd(server, ids, 120_000);

    const { created } = await createMontage(server, {
      format: '9:16',
      fit: 'pad',
      transition: 'crossfade',
      clips: ids.map((task_id, i) => ({ task_id, caption: `Clip ${i + 1}` })),
      end_card: { text: 'shop.example', duration_s: 2 },
    });
    const id = created.montage_id;
    await waitUntil('the montage rendering', async () => {
      const montage = await getJson(server, `/api/v1/montages/${id}`, montageSchema);
      return montage.status === 'running' && montage.progress > 0;
    });
    await server.kill();

    const restarted = Date.now();
    await server.start();
    const done = await waitForMontage(server, id, 120_000);
    expect(done).toMatchObject({ status: 'succeeded', error: null });
    // Taken up at the start, not once the killed server's 60 s lease had lapsed.
    expect(Date.now() - restarted).toBeLessThan(55_000);

    const probe = await probeMedia(path.join(dataDir, 'media', mediaNameOf(done.result!.video_url)));
    expect(probe).toMatchObject({ width: done.result!.width, height: done.result!.height, videoCodec: 'h264' });
    expect(probe.height / probe.width).toBeCloseTo(16 / 9, 1);
    expect(probe.durationS).toBeCloseTo(done.result!.duration_s, 0);
    const served = await server.fetch(done.result!.video_url, { method: 'HEAD' });
    expect(served.headers.get('content-type')).toBe('video/mp4');
    // One video and one poster of it, nothing beside them half-written.
    const media = path.join(dataDir, 'media');
    const named = (kind: string) => fs.readdirSync(path.join(media, kind)).filter((name) => name.includes(id));
    expect(named('videos')).toEqual([path.basename(mediaNameOf(done.result!.video_url))]);
    expect(named('posters')).toEqual([path.basename(mediaNameOf(done.result!.poster_url))]);
    expect((await getJson(server, '/api/v1/montages', montageListSchema)).montages).toHaveLength(1);
  }, 300_000);
});
