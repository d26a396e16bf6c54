/**
 * A montage render (issue 21): three 6 s local-engine clips of the sample photo (768P, 16:9)
 * trimmed to 4 s each and joined into one 9:16 video — blurred-padding fit, crossfades, a caption
 * per clip, an end card and a soundtrack — timed beside a plain cut of the same clips, and beside
 * the one clip's own encode, so the figures read as ratios on whatever machine runs them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { renderClip } from '@/server/engine/local/render-clip';
import { FolderMedia } from '@/server/media/folder-media';
import { renderMontage } from '@/server/montages/render-montage';
import type { MontageSpec } from '@/server/store/montages-store';
import { storeLocalFile } from '../tests/support/media-files';
import { makeAudio } from '../tests/support/test-media';
import { median } from './lib/percentiles';

const RUNS = 2;

export interface MontageFigures {
  clipEncodeMs: number;
  fullMs: number[];
  cutMs: number[];
  outputS: number;
}

export async function benchMontage(): Promise<MontageFigures> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-montage-'));
  try {
    const media = new FolderMedia(dataDir);
    const workDir = path.join(dataDir, 'work');
    fs.mkdirSync(workDir);
    const image = fs.readFileSync('public/sample-product.jpg');
    const { width, height } = await sharp(image).metadata();
    const clip = { relativePath: 'videos/tsk_bench.mp4', local: path.join(workDir, 'clip.mp4') };
    const report = await renderClip({
      image,
      imageWidth: width!,
      imageHeight: height!,
      duration: '6',
      resolution: '768P',
      mode: 'standard',
      prompt: 'A bottle on a table',
      videoPath: clip.local,
      posterPath: path.join(workDir, 'poster.jpg'),
    });
    await storeLocalFile(media, clip.relativePath, clip.local);
    fs.writeFileSync(path.join(workDir, 'song.mp3'), await makeAudio('mp3', 30));
    await storeLocalFile(media, 'uploads/upl_bench.mp3', path.join(workDir, 'song.mp3'));
    fs.rmSync(path.join(workDir, 'clip.mp4'));
    fs.rmSync(path.join(workDir, 'song.mp3'));
    fs.rmSync(path.join(workDir, 'poster.jpg'), { force: true });
    const clips = [0, 1, 2].map((i) => ({
      taskId: 'tsk_bench',
      videoPath: clip.relativePath,
      startS: i * 0.5,
      endS: i * 0.5 + 4,
      caption: ['New: the summer line', 'Made to last', 'Free shipping this week'][i]!,
    }));
    const full: MontageSpec = {
      format: '9:16',
      fit: 'pad',
      transition: 'crossfade',
      clips,
      audio: { path: 'uploads/upl_bench.mp3', volume: 0.8, fadeOutS: 1.5 },
      endCard: { text: 'shop.example', imagePath: null, durationS: 3 },
    };
    const cut: MontageSpec = { ...full, fit: 'crop', transition: 'cut', audio: null, endCard: null };
    const figures: MontageFigures = { clipEncodeMs: report.encodeMs, fullMs: [], cutMs: [], outputS: 0 };
    for (let run = 0; run < RUNS; run++) {
      for (const [spec, into] of [
        [full, figures.fullMs],
        [cut, figures.cutMs],
      ] as const) {
        const started = performance.now();
        const result = await renderMontage({ id: `mon_bench_${run}`, spec, media, workDir });
        into.push(performance.now() - started);
        if (spec === full) figures.outputS = result.durationS;
      }
    }
    return figures;
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export function printMontage(figures: MontageFigures): boolean {
  const full = median(figures.fullMs);
  const cut = median(figures.cutMs);
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log('\nMontage render (3 clips → 9:16, 720×1280)');
  console.log(`  one 6 s 768P clip, local engine encode:       ${s(figures.clipEncodeMs)}`);
  console.log(
    `  crossfades, captions, end card, soundtrack:   ${s(full)} for ${figures.outputS.toFixed(1)} s of video (${(full / 1000 / figures.outputS).toFixed(2)} s per second)`,
  );
  console.log(`  plain cut, cropped, no sound:                 ${s(cut)}`);
  console.log(
    `  ratios: full ÷ cut ${(full / cut).toFixed(2)} · full ÷ one clip's encode ${(full / figures.clipEncodeMs).toFixed(2)}`,
  );
  // Printed, not judged: no target was set for montages (issue 21 asks for the figure).
  return true;
}
