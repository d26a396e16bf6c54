/**
 * Server paths out of a text kept for support (a tool's output, a file-system error): a file
 * under DATA_DIR keeps its place there (`media/videos/tsk_….mp4`, `scratch/…`), anything else
 * only its name. URLs are left alone: their paths follow a host, not a space or a quote.
 */

/* An absolute POSIX or Windows path, not inside a URL or a relative path. */
const ABSOLUTE_PATH = /(?<![\w.~:/\\-])(?:\/|[A-Za-z]:\\)[^\s'"`,;()<>[\]{}|]*[^\s'"`,;:()<>[\]{}|.]/g;
/* The DATA_DIR folders whose files may be named relative to it. */
const DATA_DIR_FOLDERS = /\/(?:media|scratch)\//g;

export function withoutServerPaths(text: string): string {
  return text.replace(ABSOLUTE_PATH, (found) => {
    const unix = found.replace(/\\/g, '/');
    const inside = [...unix.matchAll(DATA_DIR_FOLDERS)].at(-1);
    if (inside?.index !== undefined) return unix.slice(inside.index + 1);
    return unix.split('/').filter(Boolean).at(-1) ?? '';
  });
}
