import { describe, expect, it } from 'vitest';
import { imageSizeProblem } from './limits';

describe('imageSizeProblem', () => {
  it('accepts a usual photo', () => {
    expect(imageSizeProblem(1280, 720)).toBeNull();
  });

  it('says what is wrong with a small, huge or strip-like image', () => {
    expect(imageSizeProblem(640, 200)).toMatch(/short side to be more than 300 px\. Use a larger image\.$/);
    expect(imageSizeProblem(9000, 4000)).toMatch(/at most 8192 px on a side\)\. Resize it\.$/);
    expect(imageSizeProblem(7000, 7000)).toMatch(/too many pixels, at most 40 megapixels/);
    expect(imageSizeProblem(2000, 310)).toMatch(/strictly between 2:5 \(tall\) and 5:2 \(wide\)\. Crop it\.$/);
  });

  /* Hailuo's limits are strict: 300 px and exactly 2:5 or 5:2 are refused, one pixel more is not. */
  it.each<[number, number, RegExp | null]>([
    [640, 300, /more than 300 px/],
    [640, 301, null],
    [1000, 400, /2:5 .* 5:2/],
    [999, 400, null],
    [400, 1000, /2:5 .* 5:2/],
    [400, 999, null],
  ])('holds %i×%i to the edge of the rules', (width, height, problem) => {
    const found = imageSizeProblem(width, height);
    if (problem) expect(found).toMatch(problem);
    else expect(found).toBeNull();
  });
});
