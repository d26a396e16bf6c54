import { describe, expect, it } from 'vitest';
import { parseCameraCommands } from '@/shared/camera-commands';
import { joinCameraMove } from './join-camera-move';

describe('joinCameraMove', () => {
  it('adds the move to the bracket right before the cursor', () => {
    expect(joinCameraMove('A shoe [Pan left]', 17, 17, 'Push in')).toEqual({
      joined: true,
      text: 'A shoe [Pan left, Push in]',
      caret: 26,
      moves: ['Pan left', 'Push in'],
    });
  });

  it('keeps the spaces between the bracket and the cursor, and the text after it', () => {
    const text = '[pan left]  then the shoe';
    const result = joinCameraMove(text, 12, 12, 'Tilt up');
    expect(result).toMatchObject({ joined: true, text: '[Pan left, Tilt up]  then the shoe', caret: 21 });
  });

  it('makes a bracket the reader reads as one step of up to three moves', () => {
    let text = '[Truck right]';
    for (const move of ['Pedestal up', 'Zoom in'] as const) {
      const result = joinCameraMove(text, text.length, text.length, move);
      if (!result.joined) throw new Error(result.why);
      text = result.text;
    }
    expect(parseCameraCommands(text).steps.map((step) => step.moves)).toEqual([
      ['Truck right', 'Pedestal up', 'Zoom in'],
    ]);
  });

  it('refuses a fourth move: a bracket holds three', () => {
    const text = '[Pan left, Push in, Tilt up]';
    expect(joinCameraMove(text, text.length, text.length, 'Shake')).toEqual({ joined: false, why: 'full' });
  });

  it('does not add a move twice', () => {
    expect(joinCameraMove('[Pan left]', 10, 10, 'Pan left')).toEqual({ joined: false, why: 'already-in' });
  });

  it('finds no bracket after words, inside a selection, or in a bracket of words', () => {
    expect(joinCameraMove('[Pan left] a shoe', 17, 17, 'Push in')).toEqual({ joined: false, why: 'no-bracket' });
    expect(joinCameraMove('[Pan left]', 0, 10, 'Push in')).toEqual({ joined: false, why: 'no-bracket' });
    expect(joinCameraMove('[logo]', 6, 6, 'Push in')).toEqual({ joined: false, why: 'no-bracket' });
    expect(joinCameraMove('', 0, 0, 'Push in')).toEqual({ joined: false, why: 'no-bracket' });
  });
});
