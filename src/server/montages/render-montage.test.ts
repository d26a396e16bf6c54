/** The render itself, on real clips: frame, length and streams as ffprobe reads them. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FolderMedia } from '@/server/media/folder-media';
import { parseMediaPath, type MediaStorage } from '@/server/media/media-storage';
import type { MontageSpec } from '@/server/store/montages-store';
import { storedCopy, storeLocalFile } from '../../../tests/support/media-files';
import { makeDataDir } from '../../../tests/support/test-server';
import { frameBrightness, makeAudio, makeClip, probeMedia } from '../../../tests/support/test-media';
import { renderMontage } from './render-montage';

let dataDir: string;
let media: MediaStorage;
let workDir: string;

beforeAll(async () => {
  dataDir = makeDataDir();
  media = new FolderMedia(dataDir);
  workDir = path.join(dataDir, 'work');
  fs.mkdirSync(workDir);
  const made = path.join(dataDir, 'made');
  fs.mkdirSync(made);
  await makeClip(path.join(made, 'a.mp4'), 960, 540, 5);
  await makeClip(path.join(made, 'b.mp4'), 540, 960, 5);
  fs.writeFileSync(path.join(made, 'song.mp3'), await makeAudio('mp3', 12));
  await storeLocalFile(media, 'videos/tsk_a.mp4', path.join(made, 'a.mp4'));
  await storeLocalFile(media, 'videos/tsk_b.mp4', path.join(made, 'b.mp4'));
  await storeLocalFile(media, 'uploads/upl_song.mp3', path.join(made, 'song.mp3'));
}, 120_000);

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const clips = [
  { taskId: 'tsk_a', videoPath: 'videos/tsk_a.mp4', startS: 1, endS: 4, caption: 'Summer line — 20% off & more <b>' },
  { taskId: 'tsk_b', videoPath: 'videos/tsk_b.mp4', startS: 0.5, endS: 3, caption: null },
];

describe('renderMontage', () => {
  it('renders two trimmed clips with a crossfade, captions, an end card and a soundtrack in 9:16', async () => {
    const spec: MontageSpec = {
      format: '9:16',
      fit: 'pad',
      transition: 'crossfade',
      clips,
      audio: { path: 'uploads/upl_song.mp3', volume: 0.8, fadeOutS: 1 },
      endCard: { text: 'shop.example', imagePath: null, durationS: 2 },
    };
    const progress: number[] = [];
    const result = await renderMontage({ id: 'mon_one', spec, media, workDir, onProgress: (p) => progress.push(p) });
    expect(result).toMatchObject({
      videoPath: 'videos/mon_one.mp4',
      posterPath: 'posters/mon_one.jpg',
      width: 720,
      height: 1280,
    });
    const video = await storedCopy(media, result.videoPath, path.join(dataDir, 'out'));
    const probe = await probeMedia(video);
    // 3 + 2.5 + 2 seconds, less two crossfades of 0.5 s.
    expect(probe).toMatchObject({ width: 720, height: 1280, videoCodec: 'h264', audioCodec: 'aac' });
    expect(probe.durationS).toBeGreaterThan(6.4);
    expect(probe.durationS).toBeLessThan(6.7);
    expect(result.durationS).toBeCloseTo(probe.durationS, 1);
    expect(await media.readAll(parseMediaPath(result.posterPath)!)).not.toBeNull();
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p, i) => p >= (progress[i - 1] ?? 0) && p <= 99)).toBe(true);
    // Blurred padding fills the frame: no black bars above and below the landscape clip.
    expect(await frameBrightness(video, 1)).toBeGreaterThan(40);
    expect(fs.readdirSync(workDir)).toEqual([]);
  }, 120_000);

  it('renders a cut montage without sound: no audio stream, the clips end to end', async () => {
    const spec: MontageSpec = { format: '16:9', fit: 'crop', transition: 'cut', clips, audio: null, endCard: null };
    const result = await renderMontage({ id: 'mon_two', spec, media, workDir });
    const probe = await probeMedia(await storedCopy(media, result.videoPath, path.join(dataDir, 'out')));
    expect(probe).toMatchObject({ width: 1280, height: 720, audioCodec: null });
    expect(probe.durationS).toBeGreaterThan(5.4);
    expect(probe.durationS).toBeLessThan(5.7);
  }, 120_000);
});
