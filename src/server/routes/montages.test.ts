/**
 * `POST /api/v1/montages`, `GET /api/v1/montages/{id}` and `GET /api/v1/montages`: a real render
 * (ffprobe reads the result), refusals that leave nothing behind, Idempotency-Key, no credits.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditsSchema } from '@/shared/contract';
import { montageListSchema, montageSchema } from '@/shared/montage-contract';
import { expectError, getJson, upload } from '../../../tests/support/api-calls';
import {
  createMontage,
  postMontage,
  seedFinishedClip,
  uploadAudio,
  waitForMontage,
} from '../../../tests/support/montage-calls';
import { mediaNameOf, storedCopy } from '../../../tests/support/media-files';
import { makeAudio, probeMedia } from '../../../tests/support/test-media';
import { makeTestImage } from '../../../tests/support/test-image';
import { startTestApp, type TestServer } from '../../../tests/support/test-server';

let server: TestServer;
let clips: string[];

beforeAll(async () => {
  server = await startTestApp({ LOCAL_ENGINE_DELAY_MS: '600000' });
  clips = [await seedFinishedClip(server.services, 640, 360, 4), await seedFinishedClip(server.services, 360, 640, 4)];
}, 60_000);
afterAll(async () => {
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

async function montageCount(): Promise<number> {
  return (await getJson(server, '/api/v1/montages', montageListSchema)).montages.length;
}

async function balance(): Promise<number> {
  return (await getJson(server, '/api/v1/billing/credits', creditsSchema)).balance;
}

describe('a montage', () => {
  it('renders two trimmed clips with a crossfade, captions, an end card and a soundtrack, for no credits', async () => {
    const before = await balance();
    const song = await uploadAudio(server, await makeAudio('m4a', 20), 'song.m4a', 'audio/mp4');
    const logo = await upload(server, await makeTestImage(400, 400));
    const { created, response } = await createMontage(server, {
      format: '9:16',
      fit: 'pad',
      transition: 'crossfade',
      clips: [
        { task_id: clips[0], start_s: 0.5, end_s: 3.5, caption: 'New: the summer line' },
        { task_id: clips[1], end_s: 3, caption: 'Free shipping' },
      ],
      audio: { url: song.url, volume: 0.7, fade_out_s: 1 },
      end_card: { text: 'shop.example', image_url: logo.url, duration_s: 2 },
    });
    expect(created.status).toBe('queued');
    expect(response.headers.get('Location')).toBe(`/api/v1/montages/${created.montage_id}`);
    const done = await waitForMontage(server, created.montage_id);
    expect(done).toMatchObject({ status: 'succeeded', progress: 100, format: '9:16', clip_count: 2, error: null });
    expect(done.result).toMatchObject({ width: 720, height: 1280 });
    // 3 + 3 + 2 s, less two crossfades of 0.5 s.
    expect(done.result!.duration_s).toBeGreaterThan(6.9);
    expect(done.result!.duration_s).toBeLessThan(7.2);
    const file = await storedCopy(server.services.media, mediaNameOf(done.result!.video_url), `${server.dataDir}/out`);
    expect(await probeMedia(file)).toMatchObject({ width: 720, height: 1280, videoCodec: 'h264', audioCodec: 'aac' });
    const download = await server.fetch(done.result!.download_url);
    expect(download.status).toBe(200);
    expect(download.headers.get('Content-Type')).toBe('video/mp4');
    expect(download.headers.get('Content-Disposition')).toContain(`${created.montage_id}.mp4`);
    expect((await server.fetch(done.result!.poster_url)).status).toBe(200);
    const listed = await getJson(server, '/api/v1/montages', montageListSchema);
    expect(listed.montages[0]).toEqual(montageSchema.parse(done));
    expect(await balance()).toBe(before);
  }, 180_000);

  it('answers the first montage again for a retried Idempotency-Key, and refuses the key with another body', async () => {
    const body = { format: '1:1', clips: [{ task_id: clips[0] }] };
    const headers = { 'Idempotency-Key': 'montage-retry-1' };
    const first = await createMontage(server, body, headers);
    const again = await createMontage(server, body, headers);
    expect(again.created.montage_id).toBe(first.created.montage_id);
    expect(again.response.headers.get('Idempotent-Replayed')).toBe('true');
    await expectError(await postMontage(server, { ...body, format: '4:5' }, headers), 422, 'idempotency_conflict');
    const done = await waitForMontage(server, first.created.montage_id);
    expect(done.result).toMatchObject({ width: 720, height: 720 });
  }, 120_000);
});

describe('refusals: nothing is made', () => {
  const refusals: [string, () => unknown, number, string, RegExp][] = [
    ['an unknown frame', () => ({ format: '3:2', clips: [{ task_id: clips[0] }] }), 400, 'validation_failed', /9:16/],
    ['no clips', () => ({ format: '9:16', clips: [] }), 400, 'validation_failed', /at least one clip/],
    [
      'more than 20 clips',
      () => ({ format: '9:16', clips: Array.from({ length: 21 }, () => ({ task_id: clips[0] })) }),
      400,
      'validation_failed',
      /at most 20 clips/,
    ],
    [
      'a clip that is no task of ours',
      () => ({ format: '9:16', clips: [{ task_id: 'tsk_nope' }] }),
      422,
      'validation_failed',
      /Clip 1: there is no video "tsk_nope"/,
    ],
    [
      'a trim past the clip’s end',
      () => ({ format: '9:16', clips: [{ task_id: clips[0] }, { task_id: clips[1], start_s: 1, end_s: 9 }] }),
      422,
      'validation_failed',
      /Clip 2 ends at 9 s, but the clip is only 4 s long/,
    ],
    [
      'a start after the clip',
      () => ({ format: '9:16', clips: [{ task_id: clips[0], start_s: 5 }] }),
      422,
      'validation_failed',
      /starts at 5 s/,
    ],
    [
      'an end before the start',
      () => ({ format: '9:16', clips: [{ task_id: clips[0], start_s: 3, end_s: 2 }] }),
      400,
      'validation_failed',
      /end must come after its start/,
    ],
    [
      'a soundtrack that is not our upload',
      () => ({ format: '9:16', clips: [{ task_id: clips[0] }], audio: { url: 'https://example.com/song.mp3' } }),
      422,
      'validation_failed',
      /uploaded to this server/,
    ],
    [
      'an unknown field',
      () => ({ format: '9:16', clips: [{ task_id: clips[0] }], music: 'loud' }),
      400,
      'validation_failed',
      /music/,
    ],
  ];

  for (const [what, body, status, code, words] of refusals) {
    it(`refuses ${what}`, async () => {
      const before = await montageCount();
      const message = await expectError(await postMontage(server, body()), status, code);
      expect(message).toMatch(words);
      expect(await montageCount()).toBe(before);
    });
  }

  it('refuses a clip that has not finished, saying so', async () => {
    const running = await server.services.store.tasks.create(
      (await import('../../../tests/support/new-task')).newTask(),
      { checkCredits: false },
    );
    const message = await expectError(
      await postMontage(server, { format: '9:16', clips: [{ task_id: running.id }] }),
      422,
      'not_ready',
    );
    expect(message).toContain('not a finished video (it is queued)');
  });

  it('answers 404 for an unknown montage', async () => {
    await expectError(await server.fetch('/api/v1/montages/mon_nope'), 404, 'not_found');
  });
});
