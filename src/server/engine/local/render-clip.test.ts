import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { probeVideo } from '@/server/media/probe-video';
import { makeTestImage } from '../../../../tests/support/test-image';
import { renderDotClip, spotPath, videoBitrate, type Spot } from '../../../../tests/support/video-frames';
import { outputSize } from './output-size';
import { renderClip } from './render-clip';
import { WorkQueue } from './work-queue';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hailuo-render-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('outputSize', () => {
  it.each([
    [640, 400, '768P', 1228, 768],
    [400, 640, '768P', 768, 1228],
    [1000, 1000, '1080P', 1080, 1080],
    [1001, 400, '1080P', 2702, 1080],
  ] as const)('%i×%i at %s → %i×%i', (w, h, resolution, ew, eh) => {
    expect(outputSize(w, h, resolution)).toEqual({ width: ew, height: eh });
  });
});

describe('renderClip', () => {
  it('renders an H.264 yuv420p MP4 of exactly 6 s at 768P with the image’s aspect, and a poster', async () => {
    const videoPath = path.join(dir, 'a.mp4');
    const posterPath = path.join(dir, 'a.jpg');
    const report = await renderClip({
      image: await makeTestImage(640, 400),
      imageWidth: 640,
      imageHeight: 400,
      duration: '6',
      resolution: '768P',
      mode: 'standard',
      prompt: 'A shoe [Pan left, Push in]',
      videoPath,
      posterPath,
    });
    console.log(`ffmpeg time for 6 s 768P (${report.width}×${report.height}, ${report.motion}): ${report.encodeMs} ms`);
    const facts = await probeVideo(videoPath);
    expect(facts).toMatchObject({ codec: 'h264', width: 1228, height: 768, pixelFormat: 'yuv420p' });
    expect(facts.durationS).toBeCloseTo(6, 1);
    // +faststart: the index (moov) comes before the media data, so playback starts before the download ends.
    const head = fs.readFileSync(videoPath).subarray(0, 4096).toString('latin1');
    expect(head.indexOf('moov')).toBeGreaterThan(-1);
    expect(head.indexOf('moov')).toBeLessThan(head.indexOf('mdat') === -1 ? Infinity : head.indexOf('mdat'));
    expect(fs.readFileSync(posterPath).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(fs.readdirSync(dir).sort()).toEqual(['a.jpg', 'a.mp4']);
  });
});

describe('standard and pro', () => {
  /* A slow pan, where whole-pixel steps show: same picture, same prompt, the two modes. */
  async function renderBoth(): Promise<Record<'standard' | 'pro', string>> {
    const paths = { standard: path.join(dir, 'standard.mp4'), pro: path.join(dir, 'pro.mp4') };
    for (const mode of ['standard', 'pro'] as const) await renderDotClip(paths[mode], 'A dot [Pan left]', mode);
    return paths;
  }

  /* How unevenly the dot moves from frame to frame: the root mean square of its change in speed. */
  function judder(spots: Spot[]): number {
    let sum = 0;
    for (let i = 2; i < spots.length; i++) {
      sum += (spots[i]!.x - 2 * spots[i - 1]!.x + spots[i - 2]!.x) ** 2;
    }
    return Math.sqrt(sum / (spots.length - 2));
  }

  it('make the same clip and the same move; pro at a higher bitrate, in finer steps', async () => {
    const paths = await renderBoth();
    const [standard, pro] = [await probeVideo(paths.standard), await probeVideo(paths.pro)];
    expect(pro).toEqual(standard);
    const [standardPath, proPath] = [await spotPath(paths.standard), await spotPath(paths.pro)];
    expect(proPath.spots).toHaveLength(standardPath.spots.length);
    for (const frame of [0, 72, 143]) {
      expect(Math.abs(proPath.spots[frame]!.x - standardPath.spots[frame]!.x)).toBeLessThan(2);
    }
    const [standardBits, proBits] = [await videoBitrate(paths.standard), await videoBitrate(paths.pro)];
    console.log(`bitrate at 320×200: standard ${standardBits} b/s, pro ${proBits} b/s`);
    expect(proBits / standardBits).toBeGreaterThan(1.5);
    const [standardJudder, proJudder] = [judder(standardPath.spots), judder(proPath.spots)];
    console.log(`judder (px per frame²): standard ${standardJudder.toFixed(3)}, pro ${proJudder.toFixed(3)}`);
    expect(proJudder).toBeLessThan(standardJudder * 0.85);
  });
});

describe('WorkQueue', () => {
  it('runs at most two jobs at once, and all of them', async () => {
    const queue = new WorkQueue(2);
    let running = 0;
    let most = 0;
    const job = async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 10));
      running--;
    };
    await Promise.all(Array.from({ length: 7 }, () => queue.run(job)));
    expect(most).toBe(2);
  });

  it('drops a waiting job when it is aborted', async () => {
    const queue = new WorkQueue(1);
    let release!: () => void;
    const first = queue.run(() => new Promise<void>((r) => (release = r)));
    const abort = new AbortController();
    const second = queue.run(async () => 'ran', abort.signal);
    abort.abort();
    await expect(second).rejects.toThrow('Stopped');
    release();
    await first;
  });
});
