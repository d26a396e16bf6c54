/**
 * What each of MiniMax's camera commands does to a still in the local preview. The engine only
 * has one flat picture, so it cannot show parallax or a new side of the subject; what it can do
 * honestly is slide, scale and shake the frame, in the direction the command names (camera
 * words: the scene moves the other way). The look of each pair is chosen so that two commands
 * that differ for a real camera also differ here, in the way a flat picture allows:
 *
 * - Truck / pedestal: the camera travels, so the whole frame glides evenly and far (18 % of the
 *   frame), at a steady speed after a short start and stop.
 * - Pan / tilt: the camera turns on the spot, so the view swings a shorter way (10 %) and eases
 *   in and out like a head turning. (A true turn would also tip the picture into a keystone;
 *   that needs a per-pixel warp at about three times the render cost, so it is left out.)
 * - Push in / pull out: the camera travels toward the subject: a steady 15 % growth.
 * - Zoom in / zoom out: the lens changes: 35 % in the same time, eased, so it reads as faster.
 * - Shake: a handheld jitter of about 1 % of the frame, no travel.
 * - Tracking shot: following alongside a subject: a steady drift to the left of the frame (the
 *   camera moves right) with a slight push.
 * - Static shot: nothing moves.
 */
import type { CameraCommand } from '@/shared/camera-commands';

/** How a move spreads over its step: eased like a turn, or even like a travel. */
export type MoveProfile = 'eased' | 'even';

export interface MoveShape {
  /** How far the scene slides across the frame over the step, in frame widths; + is to the right. */
  slideX: number;
  /** In frame heights; + is down. */
  slideY: number;
  /** How much the scene grows over the step, as a factor: 1.15 is 15 % larger, below 1 shrinks. */
  grow: number;
  profile: MoveProfile;
  /** Handheld jitter, at its strongest, in frame widths. */
  shake: number;
}

const STILL: MoveShape = { slideX: 0, slideY: 0, grow: 1, profile: 'even', shake: 0 };
const TRAVEL = 0.18;
const TURN = 0.1;
const PUSH = 1.15;
const ZOOM = 1.35;

export const MOVE_SHAPES: Record<CameraCommand, MoveShape> = {
  'Truck left': { ...STILL, slideX: TRAVEL },
  'Truck right': { ...STILL, slideX: -TRAVEL },
  'Pan left': { ...STILL, slideX: TURN, profile: 'eased' },
  'Pan right': { ...STILL, slideX: -TURN, profile: 'eased' },
  'Push in': { ...STILL, grow: PUSH },
  'Pull out': { ...STILL, grow: 1 / PUSH },
  'Pedestal up': { ...STILL, slideY: TRAVEL },
  'Pedestal down': { ...STILL, slideY: -TRAVEL },
  'Tilt up': { ...STILL, slideY: TURN, profile: 'eased' },
  'Tilt down': { ...STILL, slideY: -TURN, profile: 'eased' },
  'Zoom in': { ...STILL, grow: ZOOM, profile: 'eased' },
  'Zoom out': { ...STILL, grow: 1 / ZOOM, profile: 'eased' },
  Shake: { ...STILL, shake: 0.012 },
  'Tracking shot': { ...STILL, slideX: -0.12, grow: 1.05 },
  'Static shot': STILL,
};

/** With no command in the prompt: a slow push in, the same for every task (it used to be a random pick). */
export const DEFAULT_MOVE: MoveShape = { ...STILL, grow: 1.08, profile: 'eased' };
