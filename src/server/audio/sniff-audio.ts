/**
 * Whether uploaded bytes start like a soundtrack (MP3, M4A, WAV) rather than an image: only
 * then does the upload go to ffprobe, so every other file keeps the image check's own words.
 */
const IMAGE_BRANDS = new Set(['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis']);

export function looksLikeAudio(bytes: Buffer): boolean {
  if (bytes.length < 12) return false;
  const ascii = (start: number, end: number) => bytes.toString('latin1', start, end);
  if (ascii(0, 3) === 'ID3') return true;
  // An MPEG audio frame's sync word: 11 bits set.
  if (bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0) return true;
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return true;
  return ascii(4, 8) === 'ftyp' && !IMAGE_BRANDS.has(ascii(8, 12).trim().toLowerCase());
}
