import { describe, expect, it } from 'vitest';
import { montageRequestSchema } from '@/shared/montage-contract';
import { montageRequestOf, moved, type MontageDraft } from './montage-draft';

const draft: MontageDraft = {
  format: '9:16',
  fit: 'pad',
  transition: 'crossfade',
  clips: [
    { taskId: 'tsk_a', posterUrl: null, lengthS: 6, startS: 0.5, endS: 4, caption: '  New line ' },
    { taskId: 'tsk_b', posterUrl: null, lengthS: 6, startS: 0, endS: 6, caption: '' },
  ],
  endCardText: 'shop.example',
  soundtrack: { url: 'http://localhost/media/uploads/upl_x.mp3', name: 'song.mp3' },
  volume: 0.8,
  fadeOutS: 1.5,
};

describe('montageRequestOf', () => {
  it('makes the request the server takes, leaving out empty captions and an empty end card', () => {
    const request = montageRequestOf(draft);
    expect(montageRequestSchema.safeParse(request).success).toBe(true);
    expect(request.clips).toEqual([
      { task_id: 'tsk_a', start_s: 0.5, end_s: 4, caption: 'New line' },
      { task_id: 'tsk_b', start_s: 0, end_s: 6 },
    ]);
    expect(request.audio).toEqual({ url: draft.soundtrack!.url, volume: 0.8, fade_out_s: 1.5 });
    expect(montageRequestOf({ ...draft, endCardText: ' ', soundtrack: null })).not.toHaveProperty('end_card');
  });
});

describe('moved', () => {
  it('moves one item and keeps the rest in order', () => {
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });
});
