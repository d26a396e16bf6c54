/** Montage calls and the finished clips they need, for route, journey and browser tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { audioUploadSchema, montageCreatedSchema, montageSchema, type Montage } from '@/shared/montage-contract';
import { mediaFile } from '@/server/media/media-storage';
import type { Services } from '@/server/services';
import type { Api } from './api';
import { getJson, postUpload } from './api-calls';
import { newTask } from './new-task';
import { storeLocalFile } from './media-files';
import { makeClip } from './test-media';
import { waitUntil } from './wait-until';

let cacheDir: string | null = null;
function clipCache(): string {
  if (!cacheDir) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'montage-clips-'));
    process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    cacheDir = dir;
  }
  return cacheDir;
}

/**
 * A finished video written straight into the server's store, with a real MP4 (a test pattern) as
 * its result. The running tracker may claim the new task before it is finished here: then it is
 * made again (a task ends once, so which ending won is read back).
 */
export async function seedFinishedClip(services: Services, width = 640, height = 360, seconds = 4): Promise<string> {
  // Made once per size and test file, outside DATA_DIR: the server's storage holds only what it is given.
  const made = path.join(clipCache(), `clip-${width}x${height}-${seconds}.mp4`);
  if (!fs.existsSync(made)) await makeClip(made, width, height, seconds);
  for (let attempt = 0; attempt < 5; attempt++) {
    const task = await services.store.tasks.create(newTask(), { checkCredits: false });
    const video = mediaFile('videos', task.id, 'mp4');
    const result = {
      videoPath: video.relativePath,
      posterPath: `posters/${task.id}.jpg`,
      width,
      height,
      durationS: seconds,
    };
    const at = Date.now();
    const event = { at, status: 'succeeded', progress: null, source: 'tracker', message: null } as const;
    await services.store.tasks.finish(task.id, { status: 'succeeded', result }, event, at);
    if ((await services.store.tasks.get(task.id))?.status !== 'succeeded') continue;
    await storeLocalFile(services.media, video.relativePath, made);
    return task.id;
  }
  throw new Error('the tracker took every seeded clip');
}

export function postMontage(api: Api, body: unknown, headers: Record<string, string> = {}) {
  return api.fetch('/api/v1/montages', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

export async function createMontage(api: Api, body: unknown, headers: Record<string, string> = {}) {
  const response = await postMontage(api, body, headers);
  const answer: unknown = await response.json();
  expect(response.status, JSON.stringify(answer)).toBe(202);
  return { created: montageCreatedSchema.parse(answer), response };
}

export async function waitForMontage(api: Api, id: string, timeoutMs = 120_000): Promise<Montage> {
  let montage: Montage | null = null;
  await waitUntil(
    `montage ${id} to end`,
    async () => {
      montage = await getJson(api, `/api/v1/montages/${id}`, montageSchema);
      return montage.status === 'succeeded' || montage.status === 'failed';
    },
    timeoutMs,
  );
  return montage!;
}

export async function uploadAudio(api: Api, bytes: Buffer, name = 'song.mp3', type = 'audio/mpeg') {
  const response = await postUpload(api, bytes, name, type);
  const body: unknown = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(201);
  return audioUploadSchema.parse(body);
}
