/**
 * Whether an error means the disk is full. It comes in many shapes: Node's ENOSPC, a quota's
 * EDQUOT, SQLite's SQLITE_FULL, and libvips or ffmpeg, which only say it in their text.
 */
const CODES = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);
const WORDS = /no space left on device|disk quota exceeded|database or disk is full/i;

interface ErrorLink {
  code?: unknown;
  message?: unknown;
  /** A tool's own output (ToolError). */
  output?: unknown;
  cause?: unknown;
}

/** The error and whatever it wraps (`cause`), shallow first. */
export function errorChain(error: unknown): ErrorLink[] {
  const chain: ErrorLink[] = [];
  let next: unknown = error;
  while (next !== null && typeof next === 'object' && chain.length < 8) {
    chain.push(next as ErrorLink);
    next = (next as ErrorLink).cause;
  }
  return chain;
}

export function isStorageFull(error: unknown): boolean {
  return errorChain(error).some(
    (link) =>
      (typeof link.code === 'string' && CODES.has(link.code)) ||
      (typeof link.message === 'string' && WORDS.test(link.message)) ||
      (typeof link.output === 'string' && WORDS.test(link.output)),
  );
}

/** The text of a message said to a person: does it say the disk was full? */
export function saysStorageFull(text: string): boolean {
  return WORDS.test(text);
}
