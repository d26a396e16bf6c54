/**
 * A DATA_DIR that looks like a long-used gallery: one real poster and MP4 in its media folder,
 * and `count` finished tasks (through seed-store) showing them, for a server started on it at
 * `origin` (their reference image links point there).
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { makeUpstreamClip } from '../fakes/upstream-clip';
import { seedTasks } from './seed-store';

const SAMPLE_IMAGE = 'public/sample-product.jpg';

export async function seedGallery(dataDir: string, origin: string, count: number): Promise<string[]> {
  const media = path.join(dataDir, 'media');
  for (const kind of ['posters', 'videos']) fs.mkdirSync(path.join(media, kind), { recursive: true });
  await sharp(SAMPLE_IMAGE)
    .resize(1024, 768)
    .jpeg({ quality: 80 })
    .toFile(path.join(media, 'posters', 'seed.jpg'));
  fs.writeFileSync(path.join(media, 'videos', 'seed.mp4'), await makeUpstreamClip(dataDir));
  return seedTasks(dataDir, {
    count,
    image: `${origin}/media/posters/seed.jpg`,
    result: { videoPath: 'videos/seed.mp4', posterPath: 'posters/seed.jpg', width: 1024, height: 768, durationS: 1 },
  });
}
