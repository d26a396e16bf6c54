/** A montage as the route would store it, for the store's own tests: two clips, a soundtrack, an end card. */
import { newId } from '@/server/store/new-id';
import type { MontageSpec, NewMontage } from '@/server/store/montages-store';

export const MONTAGE_SPEC: MontageSpec = {
  format: '9:16',
  fit: 'crop',
  transition: 'crossfade',
  clips: [
    { taskId: 'tsk_a', videoPath: 'videos/tsk_a.mp4', startS: 0.5, endS: 4, caption: 'New: the summer line' },
    { taskId: 'tsk_b', videoPath: 'videos/tsk_b.mp4', startS: 0, endS: 6, caption: null },
  ],
  audio: { path: 'uploads/upl_a.mp3', volume: 0.8, fadeOutS: 1.5 },
  endCard: { text: 'shop.example', imagePath: null, durationS: 3 },
};

export function newMontage(overrides: Partial<NewMontage> = {}): NewMontage {
  return { id: newId('mon'), spec: MONTAGE_SPEC, idempotency: null, createdAt: Date.now(), ...overrides };
}
