import { describe, expect, it } from 'vitest';
import { cameraPath, MAX_RENDERED_STEPS } from './camera-path';
import { fitPath, MAX_BASE_ZOOM, type Offset } from './fit-path';

describe('cameraPath', () => {
  it('describes what it renders in the prompt’s own words', () => {
    expect(cameraPath('[pan left,  push in] a shoe [Static shot]', 144).description).toBe(
      '[Pan left, Push in] then [Static shot]',
    );
    expect(cameraPath('A shoe, the camera pans left', 144).description).toBe('no camera command: slow push in');
    expect(cameraPath('[Orbit] a shoe', 144).description).toBe('no camera command: slow push in');
  });

  it(`renders at most ${MAX_RENDERED_STEPS} steps and says how many it left out`, () => {
    const path = cameraPath('[Pan left] [Pan right] '.repeat(8), 144);
    expect(path.description).toMatch(
      /^\[Pan left\] then \[Pan right\] then .* \(the first 12 steps; 4 more not rendered\)$/,
    );
    expect(path.x.match(/clip\(/g)).toHaveLength(MAX_RENDERED_STEPS);
  });

  it('writes finite numbers into the expressions, whatever the moves', () => {
    for (const prompt of ['', '[Static shot]', '[Zoom out] '.repeat(12), '[Shake, Truck left, Tilt down]']) {
      const { zoom, x, y } = cameraPath(prompt, 240);
      expect(`${zoom} ${x} ${y}`).not.toMatch(/NaN|Infinity|e[+-]\d/);
    }
  });
});

describe('fitPath', () => {
  const path =
    (...offsets: Partial<Offset>[]) =>
    (scale: number) =>
      offsets.map((o) => ({ x: (o.x ?? 0) * scale, y: (o.y ?? 0) * scale, logGrow: (o.logGrow ?? 0) * scale }));

  it('leaves a still camera at the whole picture', () => {
    expect(fitPath(path({}, {}))).toEqual({ baseZoom: 1, centre: { x: 0, y: 0 }, scale: 1 });
  });

  it('enlarges the still just enough for a slide, and centres the slide over it', () => {
    const fit = fitPath(path({ x: 0 }, { x: -0.05 }, { x: -0.1 }));
    expect(fit.baseZoom).toBeCloseTo(1.1, 10);
    expect(fit.centre.x).toBeCloseTo(-0.05, 10);
  });

  it('starts a pull out enlarged, so it ends on the whole picture', () => {
    expect(fitPath(path({ logGrow: 0 }, { logGrow: -Math.log(1.15) })).baseZoom).toBeCloseTo(1.15, 10);
  });

  it('needs no room for a push in: it starts on the whole picture', () => {
    expect(fitPath(path({ logGrow: 0 }, { logGrow: Math.log(1.35) })).baseZoom).toBe(1);
  });

  it(`shortens moves that would need the still enlarged past ${MAX_BASE_ZOOM}×, rather than crop it further`, () => {
    const fit = fitPath(path({ x: 0 }, { x: -1.08 }));
    expect(fit.baseZoom).toBeLessThanOrEqual(MAX_BASE_ZOOM);
    expect(fit.baseZoom).toBeGreaterThan(MAX_BASE_ZOOM - 0.01);
    expect(fit.scale).toBeCloseTo(0.6 / 1.08, 2);
  });
});
