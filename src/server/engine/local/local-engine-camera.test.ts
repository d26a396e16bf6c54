/**
 * Through the whole server: a video submitted with `[Pan left]` in its prompt comes back, from
 * our own media storage, as an MP4 whose scene slides right; and the pro model's clip of the
 * same prompt carries the same move at a higher bitrate. The local engine reads the prompt and
 * the model itself, not a test hook.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { taskHistorySchema } from '@/shared/contract';
import { getJson, submit, upload, waitForTask } from '../../../../tests/support/api-calls';
import { downloadTo } from '../../../../tests/support/download';
import { startTestApp, type TestServer } from '../../../../tests/support/test-server';
import { makeDotImage, spotPath, videoBitrate } from '../../../../tests/support/video-frames';

let server: TestServer;

beforeAll(async () => {
  server = await startTestApp({ LOCAL_ENGINE_DELAY_MS: '200' });
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

it('renders the archived MP4 of "[Pan left] …" sliding right, and its pro twin at a higher bitrate', async () => {
  const image = await upload(server, await makeDotImage(640, 400));
  const prompt = '[Pan left] A white dot on a dark ground';
  const [standard, pro] = await Promise.all([
    submit(server, { prompt, image: image.url }),
    submit(server, { prompt, image: image.url, model: 'hailuo/2-3-image-to-video-pro' }),
  ]);
  const done = { standard: await waitForTask(server, standard.task_id), pro: await waitForTask(server, pro.task_id) };
  expect(done.standard.status).toBe('succeeded');
  expect(done.pro.status).toBe('succeeded');

  const files = {
    standard: (await downloadTo(server, done.standard.result!.video_url, server.dataDir, 'standard.mp4')).file,
    pro: (await downloadTo(server, done.pro.result!.video_url, server.dataDir, 'pro.mp4')).file,
  };
  expect(done.standard.result).toMatchObject({ width: 1228, height: 768 });
  const { width, spots } = await spotPath(files.standard, { width: 307 });
  const [first, last] = [spots[0]!, spots.at(-1)!];
  expect((last.x - first.x) / width).toBeGreaterThan(0.07);
  expect(Math.abs(last.y - first.y)).toBeLessThan(1.5);
  expect(Math.abs(last.area / first.area - 1)).toBeLessThan(0.03);

  const proSpots = (await spotPath(files.pro, { width: 307 })).spots;
  expect(Math.abs(proSpots.at(-1)!.x - last.x)).toBeLessThan(1.5);
  expect((await videoBitrate(files.pro)) / (await videoBitrate(files.standard))).toBeGreaterThan(1.3);

  // Support sees which move was rendered in the engine's answer.
  const history = await getJson(server, `/api/v1/tasks/${standard.task_id}/history`, taskHistorySchema);
  expect(JSON.stringify(history.upstream)).toContain('[Pan left]');
});
