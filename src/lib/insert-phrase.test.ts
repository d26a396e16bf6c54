import { describe, expect, it } from 'vitest';
import { insertPhrase } from './insert-phrase';

describe('insertPhrase', () => {
  it('fills an empty prompt', () => {
    expect(insertPhrase('', 0, 0, '[Push in]')).toEqual({ text: '[Push in]', caret: 9 });
  });

  it('adds a space before when the cursor follows a word, and puts the cursor after the phrase', () => {
    expect(insertPhrase('A red shoe', 10, 10, '[Pan left]')).toEqual({ text: 'A red shoe [Pan left]', caret: 21 });
  });

  it('adds a space after when a word follows, none before after a space', () => {
    expect(insertPhrase('A red shoe', 2, 2, '[Zoom in]')).toEqual({ text: 'A [Zoom in] red shoe', caret: 11 });
  });

  it('keeps punctuation tight after the phrase', () => {
    expect(insertPhrase('A red shoe.', 10, 10, 'slowly')).toEqual({ text: 'A red shoe slowly.', caret: 17 });
  });

  it('replaces the selected text', () => {
    expect(insertPhrase('A red shoe, static', 12, 18, '[Static shot]')).toEqual({
      text: 'A red shoe, [Static shot]',
      caret: 25,
    });
  });
});
