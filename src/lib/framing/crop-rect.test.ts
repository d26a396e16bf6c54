import { describe, expect, it } from 'vitest';
import { cropProblem, cropRect, dragged } from './crop-rect';

describe('cropRect', () => {
  it('keeps the photo as it is', () => {
    expect(cropRect(1600, 900, 'photo')).toBeNull();
  });

  it('takes the largest 9:16 out of a landscape photo, centred or where it was dragged', () => {
    expect(cropRect(1600, 900, '9:16')).toEqual({ x: 547, y: 0, width: 506, height: 900 });
    expect(cropRect(1600, 900, '9:16', { x: 0, y: 0.5 })).toMatchObject({ x: 0 });
    expect(cropRect(1600, 900, '9:16', { x: 1, y: 0.5 })).toMatchObject({ x: 1094 });
  });

  it('takes the full width for a wide frame out of a tall photo', () => {
    expect(cropRect(900, 1600, '16:9')).toEqual({ x: 0, y: 547, width: 900, height: 506 });
    expect(cropRect(1000, 1000, '4:5')).toEqual({ x: 100, y: 0, width: 800, height: 1000 });
  });
});

describe('cropProblem', () => {
  it('says when the crop falls under Hailuo’s minimum', () => {
    const crop = cropRect(800, 450, '9:16');
    expect(crop).toMatchObject({ width: 253, height: 450 });
    expect(cropProblem(crop, '9:16')).toMatch(
      /^Framed 9:16, the picture is 253×450 px: .*short side .* more than 300 px/,
    );
    expect(cropProblem(cropRect(1600, 900, '9:16'), '9:16')).toBeNull();
  });
});

describe('dragged', () => {
  it('moves the crop by screen pixels within the room it has', () => {
    const image = { width: 1600, height: 900 };
    const crop = cropRect(1600, 900, '9:16')!;
    // At a quarter scale, 137 screen px ≈ half of the 1094 px of room.
    expect(dragged({ x: 0.5, y: 0.5 }, crop, image, -137, 40, 0.25).x).toBeCloseTo(0, 1);
    expect(dragged({ x: 0.5, y: 0.5 }, crop, image, 9999, 0, 0.25)).toEqual({ x: 1, y: 0.5 });
  });
});
