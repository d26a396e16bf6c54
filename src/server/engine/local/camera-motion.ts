/**
 * Camera moves over a still, as ffmpeg zoompan expressions. `on` is the output frame number;
 * the move eases in and out (smoothstep) so it starts and stops like a real camera.
 */
export interface CameraMotion {
  name: string;
  zoom: string;
  x: string;
  y: string;
}

const CENTER_X = 'iw/2-iw/zoom/2';
const CENTER_Y = 'ih/2-ih/zoom/2';
const SPAN_X = '(iw-iw/zoom)';
const SPAN_Y = '(ih-ih/zoom)';

export function cameraMotions(frames: number): CameraMotion[] {
  const p = `(on/${Math.max(1, frames - 1)})`;
  const e = `(${p}*${p}*(3-2*${p}))`;
  return [
    { name: 'push in', zoom: `1+0.2*${e}`, x: CENTER_X, y: CENTER_Y },
    { name: 'pull out', zoom: `1.2-0.2*${e}`, x: CENTER_X, y: CENTER_Y },
    { name: 'pan right', zoom: '1.15', x: `${SPAN_X}*${e}`, y: CENTER_Y },
    { name: 'pan left', zoom: '1.15', x: `${SPAN_X}*(1-${e})`, y: CENTER_Y },
    { name: 'tilt up', zoom: '1.15', x: CENTER_X, y: `${SPAN_Y}*(1-${e})` },
    { name: 'push in and drift', zoom: `1.05+0.15*${e}`, x: `${SPAN_X}*(0.3+0.4*${e})`, y: `${SPAN_Y}*0.4` },
  ];
}

/** The same task always gets the same move (a restart re-renders it identically). */
export function pickMotion(seed: number, frames: number): CameraMotion {
  const motions = cameraMotions(frames);
  return motions[seed % motions.length]!;
}
