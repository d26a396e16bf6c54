/**
 * The camera's path through a clip, from the prompt's bracketed commands: the clip's frames
 * split evenly across the steps, the moves of a step acting together (their slides add up,
 * their growths multiply), each step starting where the one before ended. The path is worked
 * out here in plain numbers (to fit it inside the picture) and written out as ffmpeg zoompan
 * expressions of the output frame number `on`, the two from one description of each move.
 */
import { formatCameraStep, parseCameraCommands } from '@/shared/camera-commands';
import { DEFAULT_MOVE, MOVE_SHAPES, type MoveProfile, type MoveShape } from './camera-moves';
import { fitPath, type Offset } from './fit-path';

/* A prompt with more steps than this is a list rather than a shot; the rest are not rendered. */
export const MAX_RENDERED_STEPS = 12;

interface TimedStep {
  /** First and last frame of the step: the next step starts on this one's last frame. */
  from: number;
  to: number;
  moves: readonly MoveShape[];
}

export interface CameraPath {
  /** What support reads in the task's engine answer, e.g. `[Pan left, Push in] then [Static shot]`. */
  description: string;
  /** zoompan's z, x and y, for a still `iw`×`ih` pixels. */
  zoom: string;
  x: string;
  y: string;
}

/*
 * Six decimals are far below a pixel and keep float noise (0.32000000000000006) out of the
 * expressions; a negative is bracketed so that `a-(-0.1)` never reads as `a--0.1`.
 */
function num(n: number): string {
  const text = Number(n.toFixed(6)).toString();
  return text.startsWith('-') ? `(${text})` : text;
}

/* A travel ramps up over its first fifth and down over its last; between, a steady speed. */
const RAMP = 0.2;
const RAMP_K = 2 * RAMP * (1 - RAMP);

/** Where a move is, from 0 to 1, when its step is `p` of the way through. */
const PROFILES: Record<MoveProfile, { at: (p: number) => number; expr: (p: string) => string }> = {
  eased: { at: (p) => p * p * (3 - 2 * p), expr: (p) => `${p}*${p}*(3-2*${p})` },
  even: {
    at: (p) =>
      p < RAMP ? (p * p) / RAMP_K : p > 1 - RAMP ? 1 - ((1 - p) * (1 - p)) / RAMP_K : (p - RAMP / 2) / (1 - RAMP),
    expr: (p) =>
      `if(lt(${p},${RAMP}),${p}*${p}/${num(RAMP_K)},if(gt(${p},${num(1 - RAMP)}),1-(1-${p})*(1-${p})/${num(RAMP_K)},(${p}-${num(RAMP / 2)})/${num(1 - RAMP)}))`,
  },
};

/* Two sines of unrelated frequency (about 1.7 and 3.1 Hz at 24 fps) read as a hand, not a vibration. */
const JITTER = {
  x: {
    at: (f: number) => (Math.sin(0.445 * f) + 0.6 * Math.sin(0.81 * f + 1.3)) / 1.6,
    expr: '(sin(0.445*on)+0.6*sin(0.81*on+1.3))/1.6',
  },
  y: {
    at: (f: number) => (Math.sin(0.52 * f + 0.7) + 0.6 * Math.sin(0.93 * f + 2.1)) / 1.6,
    expr: '(sin(0.52*on+0.7)+0.6*sin(0.93*on+2.1))/1.6',
  },
};

/* A shake swells and settles within its step (zero at both ends), so the next step starts steady. */
const envelope = (p: number) => Math.sin(Math.PI * p);
const ENVELOPE_EXPR = (p: string) => `sin(PI*${p})`;

function timeSteps(moves: readonly (readonly MoveShape[])[], frames: number): TimedStep[] {
  const last = Math.max(1, frames - 1);
  return moves.map((step, k) => ({
    from: Math.round((k * last) / moves.length),
    to: Math.round(((k + 1) * last) / moves.length),
    moves: step,
  }));
}

const progress = (step: TimedStep, frame: number) =>
  Math.min(1, Math.max(0, (frame - step.from) / Math.max(1, step.to - step.from)));
const PROGRESS_EXPR = (step: TimedStep) => `clip((on-${step.from})/${Math.max(1, step.to - step.from)},0,1)`;

/** The camera's own offset (opposite to the scene's slide) and log-growth at a frame, before fitting. */
function rawOffset(steps: readonly TimedStep[], frame: number): Offset {
  const offset = { x: 0, y: 0, logGrow: 0 };
  for (const step of steps) {
    const p = progress(step, frame);
    for (const move of step.moves) {
      const at = PROFILES[move.profile].at(p);
      offset.x -= move.slideX * at;
      offset.y -= move.slideY * at;
      offset.logGrow += Math.log(move.grow) * at;
      if (move.shake) {
        offset.x += move.shake * envelope(p) * JITTER.x.at(frame);
        offset.y += move.shake * envelope(p) * JITTER.y.at(frame);
      }
    }
  }
  return offset;
}

type Axis = 'x' | 'y' | 'logGrow';

/* One axis of rawOffset as an ffmpeg expression: each step's progress is kept in variable 0, the sum in 1. */
function offsetExpr(steps: readonly TimedStep[], axis: Axis, scale: number): string {
  const terms: string[] = ['st(1,0)'];
  for (const step of steps) {
    const parts: string[] = [];
    for (const move of step.moves) {
      const amount = axis === 'logGrow' ? Math.log(move.grow) : -(axis === 'x' ? move.slideX : move.slideY);
      if (amount) parts.push(`${num(amount * scale)}*${PROFILES[move.profile].expr('ld(0)')}`);
      if (move.shake && axis !== 'logGrow') {
        parts.push(`${num(move.shake * scale)}*${ENVELOPE_EXPR('ld(0)')}*${JITTER[axis].expr}`);
      }
    }
    if (parts.length) terms.push(`st(0,${PROGRESS_EXPR(step)})`, `st(1,ld(1)+${parts.join('+')})`);
  }
  return `${terms.join(';')};ld(1)`;
}

function describe(steps: readonly string[], skipped: number): string {
  if (!steps.length) return 'no camera command: slow push in';
  const shown = steps.join(' then ');
  return skipped ? `${shown} (the first ${steps.length} steps; ${skipped} more not rendered)` : shown;
}

/** The camera path a prompt asks for over `frames` frames; a gentle push in when it names no move. */
export function cameraPath(prompt: string, frames: number): CameraPath {
  const plan = parseCameraCommands(prompt).steps;
  const rendered = plan.slice(0, MAX_RENDERED_STEPS);
  const shapes = rendered.length ? rendered.map((step) => step.moves.map((m) => MOVE_SHAPES[m])) : [[DEFAULT_MOVE]];
  const steps = timeSteps(shapes, frames);
  const fit = fitPath((scale) =>
    Array.from({ length: frames }, (_, frame) => {
      const raw = rawOffset(steps, frame);
      return { x: raw.x * scale, y: raw.y * scale, logGrow: raw.logGrow * scale };
    }),
  );
  // The view's centre in the still's pixels (offsets are in base-frame units, the base frame is
  // 1/baseZoom of the still), less half the view. zoompan crops a whole number of pixels wide
  // and, in 4:2:0, from an even pixel (it floors x and y to a multiple of two): half its width
  // floored, and one pixel more, turn that floor into the nearest step, so a zoom stays centred.
  const zoom = `${num(fit.baseZoom)}*exp(${offsetExpr(steps, 'logGrow', fit.scale)})`;
  const x = `iw*(0.5+(${offsetExpr(steps, 'x', fit.scale)}-${num(fit.centre.x)})/${num(fit.baseZoom)})-floor(iw/zoom)/2+1`;
  const y = `ih*(0.5+(${offsetExpr(steps, 'y', fit.scale)}-${num(fit.centre.y)})/${num(fit.baseZoom)})-floor(ih/zoom)/2+1`;
  return {
    description: describe(
      rendered.map((step) => formatCameraStep(step.moves)),
      plan.length - rendered.length,
    ),
    zoom,
    x,
    y,
  };
}
