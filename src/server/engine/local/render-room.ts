/**
 * A render starts only with room for its files and the headroom kept for the database
 * (media/free-space.ts): a preview never takes the disk's last bytes.
 */
import type { Duration } from '@/shared/pricing';
import { ensureRoom } from '@/server/media/free-space';
import { FRAMES_PER_SECOND } from './render-clip';

/* Bytes per pixel per frame a render takes at most, still and poster included (H.264 of a still image is far smaller). */
const BYTES_PER_PIXEL_FRAME = 1 / 32;

export function renderBytesBound(size: { width: number; height: number }, duration: Duration): number {
  return Math.ceil(size.width * size.height * Number(duration) * FRAMES_PER_SECOND * BYTES_PER_PIXEL_FRAME);
}

export function ensureRenderRoom(
  workDir: string,
  size: { width: number; height: number },
  duration: Duration,
): Promise<void> {
  return ensureRoom(workDir, renderBytesBound(size, duration), 'the preview video');
}
