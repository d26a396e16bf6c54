import { describe, expect, it } from 'vitest';
import { montageTimeline } from './montage-timeline';

const clip = (startS: number, endS: number) => ({
  taskId: 't',
  videoPath: 'videos/t.mp4',
  startS,
  endS,
  caption: null,
});

describe('montageTimeline', () => {
  it('puts cut pieces end to end', () => {
    const t = montageTimeline({ clips: [clip(0, 4), clip(1, 3.5)], endCard: null, transition: 'cut' });
    expect(t.pieces).toEqual([
      { offsetS: 0, durationS: 4, fadeInS: 0 },
      { offsetS: 4, durationS: 2.5, fadeInS: 0 },
    ]);
    expect(t.totalS).toBe(6.5);
  });

  it('overlaps each join by one crossfade, the end card included', () => {
    const t = montageTimeline({
      clips: [clip(0, 4), clip(0, 3)],
      endCard: { text: 'x', imagePath: null, durationS: 2 },
      transition: 'crossfade',
    });
    expect(t.pieces.map((p) => [p.offsetS, p.fadeInS])).toEqual([
      [0, 0],
      [3.5, 0.5],
      [6, 0.5],
    ]);
    expect(t.totalS).toBe(8);
  });
});
