/**
 * MiniMax's bracketed camera commands for Hailuo 02 and 2.3, and how a prompt is read into
 * camera steps. MiniMax documents exactly these 15; up to three in one bracket, separated by
 * commas, act together (`[Pan left, Push in]` is one step of two moves), and separate brackets
 * act one after another (`[Pan left] … [Push in]` are two steps). The prompt helpers offer
 * this list and the local preview engine renders what this reader finds, so the two can never
 * disagree about what a command is.
 */

/** What a command changes: the helpers group them by it. */
export type CameraAxis = 'sideways' | 'vertical' | 'depth' | 'feel';

export const CAMERA_COMMANDS = [
  { name: 'Truck left', axis: 'sideways', hint: 'the camera slides left; the scene moves right' },
  { name: 'Truck right', axis: 'sideways', hint: 'the camera slides right; the scene moves left' },
  { name: 'Pan left', axis: 'sideways', hint: 'the camera turns left; the scene slides right' },
  { name: 'Pan right', axis: 'sideways', hint: 'the camera turns right; the scene slides left' },
  { name: 'Push in', axis: 'depth', hint: 'the camera moves closer; the subject grows' },
  { name: 'Pull out', axis: 'depth', hint: 'the camera moves back; the subject shrinks' },
  { name: 'Pedestal up', axis: 'vertical', hint: 'the camera rises; the scene moves down' },
  { name: 'Pedestal down', axis: 'vertical', hint: 'the camera sinks; the scene moves up' },
  { name: 'Tilt up', axis: 'vertical', hint: 'the camera tips up; the scene slides down' },
  { name: 'Tilt down', axis: 'vertical', hint: 'the camera tips down; the scene slides up' },
  { name: 'Zoom in', axis: 'depth', hint: 'the lens zooms in; the subject grows, the camera stays put' },
  { name: 'Zoom out', axis: 'depth', hint: 'the lens zooms out; the subject shrinks, the camera stays put' },
  { name: 'Shake', axis: 'feel', hint: 'the camera shakes a little, as if handheld' },
  { name: 'Tracking shot', axis: 'feel', hint: 'the camera follows the subject as it moves' },
  { name: 'Static shot', axis: 'feel', hint: 'the camera holds still' },
] as const satisfies readonly { name: string; axis: CameraAxis; hint: string }[];

export type CameraCommand = (typeof CAMERA_COMMANDS)[number]['name'];

/** MiniMax: "up to three" moves in one bracket act together. */
export const MAX_MOVES_PER_STEP = 3;

export interface CameraStep {
  /** As written: `[pan left, Push in]`. */
  bracket: string;
  /** The moves that act together, in the order written, each once. */
  moves: CameraCommand[];
  /**
   * Commands past the third in this bracket. What the model does with a fourth is not
   * documented; we keep the first three (as a reader that stops at the limit would) and say
   * which were left out. The prompt helpers never write more than three.
   */
  dropped: CameraCommand[];
}

/** A bracket, or a part of one, that is not one of the 15 commands: the model reads it as words. */
export interface UnknownBracketPart {
  /** As written, trimmed: `Orbit`, or `` for an empty bracket. */
  text: string;
  /** The whole bracket it was in, as written: `[Orbit]`, `[Pan left, slowly]`. */
  bracket: string;
}

export interface CameraPlan {
  /** In the order they act; empty when the prompt has no command. */
  steps: CameraStep[];
  notUnderstood: UnknownBracketPart[];
}

/* Case and spacing do not matter: `[pan left]`, `[ Push  in ]`. Other spellings (`Pushin`, `push-in`) are not commands. */
function normalise(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

const BY_NORMAL_NAME = new Map<string, CameraCommand>(
  CAMERA_COMMANDS.map((command) => [normalise(command.name), command.name]),
);

export function cameraCommandNamed(text: string): CameraCommand | null {
  return BY_NORMAL_NAME.get(normalise(text)) ?? null;
}

export function hintOf(command: CameraCommand): string {
  return CAMERA_COMMANDS.find((c) => c.name === command)!.hint;
}

/*
 * Square brackets with no bracket inside: `[[Pan left]]` reads as `[Pan left]`, and an
 * unclosed `[Pan left` is just words.
 */
const BRACKET = /\[([^[\]]*)\]/g;

/** Reads the camera steps of a prompt, and the brackets (or parts) that are not commands. */
export function parseCameraCommands(prompt: string): CameraPlan {
  const steps: CameraStep[] = [];
  const notUnderstood: UnknownBracketPart[] = [];
  for (const match of prompt.matchAll(BRACKET)) {
    const bracket = match[0];
    const parts = match[1]!.split(',').map((part) => part.trim());
    const known: CameraCommand[] = [];
    for (const part of parts) {
      const command = cameraCommandNamed(part);
      if (command) {
        if (!known.includes(command)) known.push(command);
      } else if (part || parts.length === 1) {
        // An empty part between commas (`[Pan left,]`) is a slip, not words; an empty bracket is reported.
        notUnderstood.push({ text: part, bracket });
      }
    }
    if (known.length) {
      steps.push({ bracket, moves: known.slice(0, MAX_MOVES_PER_STEP), dropped: known.slice(MAX_MOVES_PER_STEP) });
    }
  }
  return { steps, notUnderstood };
}

/** `[Pan left, Push in]`: one step as the model reads it. */
export function formatCameraStep(moves: readonly CameraCommand[]): string {
  return `[${moves.join(', ')}]`;
}
