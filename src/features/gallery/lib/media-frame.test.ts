import { describe, expect, it } from 'vitest';
import { mediaFrame } from './media-frame';

describe('mediaFrame', () => {
  it('keeps a landscape or square video’s own shape', () => {
    expect(mediaFrame({ width: 1280, height: 720 })).toEqual({ ratio: 1280 / 720, letterboxed: false });
    expect(mediaFrame({ width: 900, height: 900 })).toEqual({ ratio: 1, letterboxed: false });
    expect(mediaFrame({ width: 1080, height: 1350 })).toEqual({ ratio: 0.8, letterboxed: false });
  });

  it('shows a tall portrait whole in a 4:5 frame rather than cropping it', () => {
    expect(mediaFrame({ width: 720, height: 1280 })).toEqual({ ratio: 0.8, letterboxed: true });
  });

  it('bounds a panorama at 2:1', () => {
    expect(mediaFrame({ width: 3000, height: 1000 })).toEqual({ ratio: 2, letterboxed: true });
  });

  it('draws 16:9 while the size is unknown', () => {
    expect(mediaFrame(null).ratio).toBeCloseTo(16 / 9);
    expect(mediaFrame({ width: 0, height: 0 }).letterboxed).toBe(false);
  });
});
