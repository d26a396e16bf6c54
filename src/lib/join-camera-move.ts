/**
 * "Together": adds a camera move to the bracket right before the cursor, so that
 * `[Pan left]|` becomes `[Pan left, Push in]|` (moves in one bracket act together). It joins
 * only a bracket that is all commands and has room (MiniMax: up to three); otherwise it says
 * why, and the caller inserts the move as a new step instead.
 */
import { cameraCommandNamed, formatCameraStep, MAX_MOVES_PER_STEP, type CameraCommand } from '@/shared/camera-commands';

export type JoinResult =
  | { joined: true; text: string; caret: number; moves: CameraCommand[] }
  | { joined: false; why: 'no-bracket' | 'full' | 'already-in'; text?: undefined };

/* A bracket and any spaces after it, at the very end of the text before the cursor. */
const BRACKET_BEFORE_CURSOR = /\[([^[\]]*)\](\s*)$/;

export function joinCameraMove(
  text: string,
  selectionStart: number,
  selectionEnd: number,
  move: CameraCommand,
): JoinResult {
  if (selectionStart !== selectionEnd) return { joined: false, why: 'no-bracket' };
  const before = text.slice(0, selectionStart);
  const match = BRACKET_BEFORE_CURSOR.exec(before);
  if (!match) return { joined: false, why: 'no-bracket' };
  const moves = match[1]!.split(',').map(cameraCommandNamed);
  if (!moves.every((m): m is CameraCommand => m !== null)) return { joined: false, why: 'no-bracket' };
  if (moves.includes(move)) return { joined: false, why: 'already-in' };
  if (moves.length >= MAX_MOVES_PER_STEP) return { joined: false, why: 'full' };
  const joined = [...moves, move];
  const bracket = formatCameraStep(joined);
  const head = before.slice(0, match.index);
  const spaces = match[2]!;
  return {
    joined: true,
    text: `${head}${bracket}${spaces}${text.slice(selectionEnd)}`,
    caret: head.length + bracket.length + spaces.length,
    moves: joined,
  };
}
