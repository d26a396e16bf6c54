import { describe, expect, it } from 'vitest';
import {
  CAMERA_COMMANDS,
  cameraCommandNamed,
  formatCameraStep,
  hintOf,
  MAX_MOVES_PER_STEP,
  parseCameraCommands,
  type CameraCommand,
} from './camera-commands';

const moves = (prompt: string) => parseCameraCommands(prompt).steps.map((step) => step.moves);

describe('CAMERA_COMMANDS', () => {
  it('holds exactly MiniMax’s 15 commands, each once, each with a hint', () => {
    expect(CAMERA_COMMANDS.map((c) => c.name)).toEqual([
      'Truck left',
      'Truck right',
      'Pan left',
      'Pan right',
      'Push in',
      'Pull out',
      'Pedestal up',
      'Pedestal down',
      'Tilt up',
      'Tilt down',
      'Zoom in',
      'Zoom out',
      'Shake',
      'Tracking shot',
      'Static shot',
    ]);
    for (const command of CAMERA_COMMANDS) expect(command.hint.length).toBeGreaterThan(10);
  });

  it('gives hints in camera words with what the scene does', () => {
    expect(hintOf('Pan left')).toBe('the camera turns left; the scene slides right');
    expect(hintOf('Tilt up')).toContain('the scene slides down');
    expect(hintOf('Push in')).toContain('grows');
  });
});

describe('parseCameraCommands', () => {
  it('reads every one of the 15 in its own bracket', () => {
    for (const { name } of CAMERA_COMMANDS) expect(moves(`A red shoe [${name}] on a table`)).toEqual([[name]]);
  });

  it('is tolerant of case and spaces', () => {
    expect(moves('[pan left] [ Push in ] [TILT   UP] [\tstatic shot\n]')).toEqual([
      ['Pan left'],
      ['Push in'],
      ['Tilt up'],
      ['Static shot'],
    ]);
  });

  it('reads up to three moves in one bracket as one step that acts together', () => {
    expect(moves('[Pan left, Push in]')).toEqual([['Pan left', 'Push in']]);
    expect(moves('[truck right,pedestal up , zoom in]')).toEqual([['Truck right', 'Pedestal up', 'Zoom in']]);
  });

  it('reads separate brackets as steps in sequence, in the order written', () => {
    expect(moves('[Pan left] the shoe turns [Push in] then rests [Static shot]')).toEqual([
      ['Pan left'],
      ['Push in'],
      ['Static shot'],
    ]);
  });

  it('keeps the first three of an overfull bracket and says which were left out', () => {
    const plan = parseCameraCommands('[Pan left, Push in, Tilt up, Shake, Zoom out]');
    expect(plan.steps).toEqual([
      {
        bracket: '[Pan left, Push in, Tilt up, Shake, Zoom out]',
        moves: ['Pan left', 'Push in', 'Tilt up'],
        dropped: ['Shake', 'Zoom out'],
      },
    ]);
    expect(plan.steps[0]!.moves).toHaveLength(MAX_MOVES_PER_STEP);
  });

  it('counts a repeated move once', () => {
    expect(parseCameraCommands('[Pan left, pan left, Push in]').steps).toEqual([
      { bracket: '[Pan left, pan left, Push in]', moves: ['Pan left', 'Push in'], dropped: [] },
    ]);
  });

  it('ignores brackets that are not commands, and says which they were', () => {
    const plan = parseCameraCommands('[Orbit] a shoe [logo: ACME] [Pan left]');
    expect(plan.steps.map((s) => s.moves)).toEqual([['Pan left']]);
    expect(plan.notUnderstood).toEqual([
      { text: 'Orbit', bracket: '[Orbit]' },
      { text: 'logo: ACME', bracket: '[logo: ACME]' },
    ]);
  });

  it('keeps the commands of a bracket that also holds words, and names the words', () => {
    const plan = parseCameraCommands('[Pan left, slowly]');
    expect(plan.steps.map((s) => s.moves)).toEqual([['Pan left']]);
    expect(plan.notUnderstood).toEqual([{ text: 'slowly', bracket: '[Pan left, slowly]' }]);
  });

  it('does not take other spellings for commands', () => {
    const plan = parseCameraCommands('[Pushin] [push-in] [Pan] [Pan left please]');
    expect(plan.steps).toEqual([]);
    expect(plan.notUnderstood.map((p) => p.text)).toEqual(['Pushin', 'push-in', 'Pan', 'Pan left please']);
  });

  it('reports an empty bracket, and skips an empty part between commas', () => {
    expect(parseCameraCommands('[] [Pan left,]')).toEqual({
      steps: [{ bracket: '[Pan left,]', moves: ['Pan left'], dropped: [] }],
      notUnderstood: [{ text: '', bracket: '[]' }],
    });
  });

  it('reads the inner bracket of a doubled one, and an unclosed bracket as words', () => {
    expect(moves('[[Pan left]] [Push in')).toEqual([['Pan left']]);
  });

  it('finds nothing in a prompt without brackets, or with prose camera words', () => {
    expect(parseCameraCommands('The camera pans left, then pushes in')).toEqual({ steps: [], notUnderstood: [] });
  });
});

describe('cameraCommandNamed and formatCameraStep', () => {
  it('names a command the way MiniMax spells it', () => {
    expect(cameraCommandNamed('  tracking   SHOT ')).toBe('Tracking shot');
    expect(cameraCommandNamed('orbit')).toBeNull();
  });

  it('writes a step the way the reader reads it back', () => {
    const step: CameraCommand[] = ['Pan left', 'Push in'];
    expect(formatCameraStep(step)).toBe('[Pan left, Push in]');
    expect(moves(formatCameraStep(step))).toEqual([step]);
  });
});
