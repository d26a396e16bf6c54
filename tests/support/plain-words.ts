/**
 * What a person reads carries no server path, temporary file name or raw tool output; what
 * support reads may say more, but never an absolute server path.
 */
import { expect } from 'vitest';

const NOT_FOR_PEOPLE = [
  /(?:^|[\s'"(=])\/[\w.-]/, // an absolute path
  /[A-Za-z]:\\/,
  /\.part\b/,
  /\btsk_\w+\.(?:mp4|jpg)/,
  /\bE[A-Z]{3,}\b/, // ENOENT, ENOSPC, ENOTDIR…
  /SQLITE_/,
  /ffmpeg|ffprobe|libvips|vips|sharp/i,
  /exit \d+|stack|at \w+ \(/i,
];

export function expectPlainWords(message: string, dataDir: string): void {
  expect(message.length).toBeGreaterThan(0);
  expect(message).not.toContain(dataDir);
  for (const pattern of NOT_FOR_PEOPLE) expect(message, `"${message}" matches ${pattern}`).not.toMatch(pattern);
}

/** Support's view (a task's history): the detail is there, but no server path. */
export function expectNoServerPaths(text: string, dataDir: string): void {
  expect(text).not.toContain(dataDir);
  expect(text, text).not.toMatch(/(?:^|[\s'"(=])\/(?:tmp|home|root|srv|var|work|usr)\b/);
}
