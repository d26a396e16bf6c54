/**
 * The shape of a card's picture: the video's own, within bounds a grid of cards can hold. A
 * portrait video keeps its whole frame (letterboxed at the sides past 4:5) rather than being
 * cropped to 16:9, and a very wide one does not shrink to a strip.
 */

/* 4:5 is the tallest a card's picture gets: a 9:16 phone video at full height would fill a phone's screen alone. */
const TALLEST = 4 / 5;
const WIDEST = 2;
/* What a picture is drawn as before its size is known (the usual shape of a video). */
const DEFAULT = 16 / 9;

export interface MediaFrame {
  /** The frame's width over its height, for CSS aspect-ratio. */
  ratio: number;
  /** The picture is narrower or wider than the frame: it is shown whole, with a blurred fill beside it. */
  letterboxed: boolean;
}

export function mediaFrame(size: { width: number; height: number } | null): MediaFrame {
  if (!size || size.width <= 0 || size.height <= 0) return { ratio: DEFAULT, letterboxed: false };
  const own = size.width / size.height;
  const ratio = Math.min(WIDEST, Math.max(TALLEST, own));
  return { ratio, letterboxed: Math.abs(ratio - own) > 0.01 };
}
