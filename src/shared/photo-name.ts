/**
 * The photo's own name, as a person knows it: the file name their upload had, or a linked
 * image's last path segment. Kept as display text (any script, spaces included) with the
 * dangerous parts removed; file names made from it go through `promptSlug` (download-name.ts).
 */

export const PHOTO_NAME_MAX_CHARS = 120;

/** A file name as sent (the multipart file name): the last path part, no control or format characters, trimmed. */
export function photoNameOf(fileName: string | null | undefined): string | null {
  if (!fileName) return null;
  const base = fileName.split(/[/\\]/).pop() ?? '';
  const clean = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  // A name of dots alone ("..", ".") names nothing.
  if (!clean || /^\.+$/.test(clean)) return null;
  return Array.from(clean).slice(0, PHOTO_NAME_MAX_CHARS).join('');
}

/** A link's last non-empty path segment, decoded: `https://cdn.test/p/red%20shoe.jpg?w=2` → `red shoe.jpg`. */
export function photoNameOfLink(url: string): string | null {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return null;
  }
  const segment = pathname.split('/').filter(Boolean).pop();
  if (!segment) return null;
  try {
    return photoNameOf(decodeURIComponent(segment));
  } catch {
    return photoNameOf(segment);
  }
}

/** The name without its extension (`red shoe.jpg` → `red shoe`), for file names made from it. */
export function photoStem(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}
