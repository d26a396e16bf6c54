/**
 * The local engine's clip moves the way the prompt's camera commands say. Each test renders a
 * real MP4 (small, to stay fast) of a picture with one bright dot at its centre, decodes it with
 * ffmpeg and follows the dot: where it goes in frame says which way the camera went (camera
 * words: `[Pan left]` turns the camera left, so the scene slides right), its area whether the
 * scene grew or shrank.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CAMERA_COMMANDS, type CameraCommand } from '@/shared/camera-commands';
import { DOT_CLIP, readGreyFrames, renderDotClip, spotPath, type Spot } from '../../../../tests/support/video-frames';

const { width: WIDTH, height: HEIGHT, frames: FRAMES } = DOT_CLIP;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hailuo-motion-'));
let clips = 0;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function render(prompt: string): Promise<string> {
  const videoPath = path.join(dir, `clip-${++clips}.mp4`);
  await renderDotClip(videoPath, prompt);
  return videoPath;
}

async function dotPath(prompt: string): Promise<Spot[]> {
  const { spots } = await spotPath(await render(prompt));
  expect(spots).toHaveLength(FRAMES);
  return spots;
}

interface Change {
  /** Across the frame, in frame widths/heights; + is right/down. */
  dx: number;
  dy: number;
  /** Last area over first: above 1 the scene grew. */
  growth: number;
}

function change(from: Spot, to: Spot): Change {
  return { dx: (to.x - from.x) / WIDTH, dy: (to.y - from.y) / HEIGHT, growth: to.area / from.area };
}

const whole = (spots: Spot[]) => change(spots[0]!, spots[spots.length - 1]!);

type Slide = 'right' | 'left' | 'down' | 'up' | 'none';
type Size = 'grows' | 'shrinks' | 'same';

/* A still that does not move measures within a pixel, and a same-size dot within a few per cent. */
const STILL = 1.5 / WIDTH;
function expectSlide(c: Change, slide: Slide) {
  const along = { right: c.dx, left: -c.dx, down: c.dy, up: -c.dy, none: 0 }[slide];
  const across = slide === 'right' || slide === 'left' ? c.dy : slide === 'none' ? Math.hypot(c.dx, c.dy) : c.dx;
  if (slide !== 'none') expect(along).toBeGreaterThan(0.05);
  expect(Math.abs(across)).toBeLessThan(STILL * 2);
}
function expectSize(c: Change, size: Size) {
  if (size === 'grows') expect(c.growth).toBeGreaterThan(1.08);
  if (size === 'shrinks') expect(c.growth).toBeLessThan(0.92);
  if (size === 'same') expect(Math.abs(c.growth - 1)).toBeLessThan(0.03);
}

/* The directions, in the scene's terms. */
const EXPECTED: Record<CameraCommand, { slide: Slide; size: Size }> = {
  'Truck left': { slide: 'right', size: 'same' },
  'Truck right': { slide: 'left', size: 'same' },
  'Pan left': { slide: 'right', size: 'same' },
  'Pan right': { slide: 'left', size: 'same' },
  'Push in': { slide: 'none', size: 'grows' },
  'Pull out': { slide: 'none', size: 'shrinks' },
  'Pedestal up': { slide: 'down', size: 'same' },
  'Pedestal down': { slide: 'up', size: 'same' },
  'Tilt up': { slide: 'down', size: 'same' },
  'Tilt down': { slide: 'up', size: 'same' },
  'Zoom in': { slide: 'none', size: 'grows' },
  'Zoom out': { slide: 'none', size: 'shrinks' },
  Shake: { slide: 'none', size: 'same' },
  'Tracking shot': { slide: 'left', size: 'grows' },
  'Static shot': { slide: 'none', size: 'same' },
};

describe('each of the 15 commands, from the first frame to the last', () => {
  const measured = new Map<CameraCommand, Spot[]>();

  it.each(CAMERA_COMMANDS.map((c) => c.name))('[%s]', async (command) => {
    const spots = await dotPath(`A dot on a dark ground [${command}]`);
    measured.set(command, spots);
    const { slide, size } = EXPECTED[command];
    expectSlide(whole(spots), slide);
    expectSize(whole(spots), size);
  });

  it.each([
    ['Truck left', 'x', 1],
    ['Pan right', 'x', -1],
    ['Pedestal down', 'y', -1],
    ['Tilt up', 'y', 1],
  ] as const)('[%s] slides one way all through, never stepping back', (command, axis, sign) => {
    const spots = measured.get(command)!;
    for (let i = 1; i < spots.length; i++) expect(sign * (spots[i]![axis] - spots[i - 1]![axis])).toBeGreaterThan(-0.3);
  });

  it.each([
    ['Push in', 1],
    ['Zoom out', -1],
  ] as const)('[%s] changes size one way all through', (command, sign) => {
    const spots = measured.get(command)!;
    for (let i = 1; i < spots.length; i++) {
      expect(sign * (spots[i]!.area - spots[i - 1]!.area)).toBeGreaterThan(-0.015 * spots[i]!.area);
    }
  });

  it('trucks and pedestals travel further than pans and tilts; zooms grow faster than pushes', () => {
    const travel = (command: CameraCommand) =>
      Math.hypot(whole(measured.get(command)!).dx, whole(measured.get(command)!).dy);
    const growth = (command: CameraCommand) => Math.abs(Math.log(whole(measured.get(command)!).growth));
    expect(travel('Truck left') / travel('Pan left')).toBeGreaterThan(1.5);
    expect(travel('Pedestal up') / travel('Tilt up')).toBeGreaterThan(1.5);
    expect(growth('Zoom in') / growth('Push in')).toBeGreaterThan(1.5);
    expect(growth('Zoom out') / growth('Pull out')).toBeGreaterThan(1.5);
  });

  it('[Shake] jitters back and forth a little, and ends where it began', () => {
    const spots = measured.get('Shake')!;
    const start = spots[0]!;
    const furthest = Math.max(...spots.map((s) => Math.hypot(s.x - start.x, s.y - start.y)));
    expect(furthest).toBeGreaterThan(2);
    expect(furthest).toBeLessThan(0.04 * WIDTH);
    // Count the reversals of its sideways movement (frames where it does not move do not count either way).
    let turns = 0;
    let heading = 0;
    for (let i = 1; i < spots.length; i++) {
      const step = spots[i]!.x - spots[i - 1]!.x;
      if (Math.abs(step) < 0.3) continue;
      if (heading && Math.sign(step) !== heading) turns++;
      heading = Math.sign(step);
    }
    expect(turns).toBeGreaterThanOrEqual(6);
    expect(Math.hypot(spots.at(-1)!.x - start.x, spots.at(-1)!.y - start.y)).toBeLessThan(1.5);
  });

  it('[Static shot] holds every frame still', () => {
    const spots = measured.get('Static shot')!;
    for (const spot of spots) expect(spot).toEqual(spots[0]);
  });
});

describe('moves together and in sequence', () => {
  it('[Pan left, Push in] slides right while it grows', async () => {
    const spots = await dotPath('[Pan left, Push in] a dot');
    const c = whole(spots);
    expect(c.dx).toBeGreaterThan(0.05);
    expect(c.growth).toBeGreaterThan(1.15);
    // Both at once: half way through it has done about half of each, not one and then the other.
    const half = change(spots[0]!, spots[FRAMES / 2]!);
    expect(half.dx / c.dx).toBeGreaterThan(0.3);
    expect(Math.log(half.growth) / Math.log(c.growth)).toBeGreaterThan(0.3);
  });

  it('[Pan left] … [Tilt up] slides right in the first half, then down in the second', async () => {
    const spots = await dotPath('[Pan left] the dot waits [Tilt up]');
    const mid = Math.round((FRAMES - 1) / 2);
    expectSlide(change(spots[0]!, spots[mid]!), 'right');
    expectSlide(change(spots[mid]!, spots[FRAMES - 1]!), 'down');
  });

  it('[Push in] [Static shot] [Pull out]: grows, holds, shrinks, each over a third of the clip', async () => {
    const spots = await dotPath('[Push in] [Static shot] [Pull out]');
    const [a, b] = [Math.round((FRAMES - 1) / 3), Math.round((2 * (FRAMES - 1)) / 3)];
    expectSize(change(spots[0]!, spots[a]!), 'grows');
    expect(spots[b]!.area).toBeCloseTo(spots[a]!.area, -1);
    expectSize(change(spots[b]!, spots[FRAMES - 1]!), 'shrinks');
  });
});

describe('with no command', () => {
  it('pushes in gently, the dot staying in the middle', async () => {
    const c = whole(await dotPath('A dot on a dark ground, cinematic light'));
    expectSlide(c, 'none');
    expect(c.growth).toBeGreaterThan(1.08);
    expect(c.growth).toBeLessThan(1.3);
  });

  it('gives the same default for a bracket that is not a command', async () => {
    expect(await dotPath('[Orbit] a dot')).toEqual(await dotPath('a dot'));
  });

  it('renders the same prompt to the same frames every time', async () => {
    const prompt = '[Truck right, Tilt down] a dot [Shake]';
    const [first, second] = [await render(prompt), await render(prompt)];
    const [a, b] = [await readGreyFrames(first), await readGreyFrames(second)];
    expect(a.frames).toHaveLength(FRAMES);
    expect(b.frames.every((frame, i) => frame.equals(a.frames[i]!))).toBe(true);
  });
});
