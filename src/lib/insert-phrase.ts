/**
 * Puts a phrase where the cursor is (replacing any selected text), with a space on either side
 * only where words would otherwise run together. Returns the new text and where the cursor goes.
 */
export function insertPhrase(
  text: string,
  selectionStart: number,
  selectionEnd: number,
  phrase: string,
): { text: string; caret: number } {
  const before = text.slice(0, selectionStart);
  const after = text.slice(selectionEnd);
  const lead = before && !/\s$/.test(before) ? ' ' : '';
  const trail = after && !/^[\s.,;:!?]/.test(after) ? ' ' : '';
  const inserted = `${lead}${phrase}${trail}`;
  return { text: `${before}${inserted}${after}`, caret: before.length + lead.length + phrase.length };
}
