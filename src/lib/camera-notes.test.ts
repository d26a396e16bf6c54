import { describe, expect, it } from 'vitest';
import { cameraNotes } from './camera-notes';

describe('cameraNotes', () => {
  it('says nothing of a prompt whose brackets are all commands', () => {
    expect(cameraNotes('[Pan left, Push in] a shoe [static shot]')).toEqual([]);
  });

  it('names a bracket that is not a command', () => {
    expect(cameraNotes('[Orbit] a shoe')).toEqual(['[Orbit] is not a camera command, so the model reads it as words.']);
  });

  it('names the words inside a bracket of commands, and lists several', () => {
    expect(cameraNotes('[Pan left, slowly] [logo] []')).toEqual([
      '“slowly” in [Pan left, slowly], [logo] and [] are not camera commands, so the model reads them as words.',
    ]);
  });

  it('counts what it does not list', () => {
    expect(cameraNotes('[a] [b] [c] [d] [e]')[0]).toBe(
      '[a], [b], [c] and 2 more are not camera commands, so the model reads them as words.',
    );
  });

  it('says which moves of an overfull bracket may be ignored', () => {
    expect(cameraNotes('[Pan left, Push in, Tilt up, Shake]')).toEqual([
      '[Pan left, Push in, Tilt up, Shake] has more than 3 moves: MiniMax takes up to 3 in one bracket, so Shake may be ignored (the preview leaves it out).',
    ]);
  });
});
