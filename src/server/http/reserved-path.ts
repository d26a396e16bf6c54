/**
 * Whether a request path is under `/api` or `/media` however it is spelt — any case, doubled
 * slashes or backslashes, percent-encoding (of slashes too), dot segments, a trailing dot — so
 * that no spelling of one falls through to the dashboard's HTML: what no route answered there
 * is our JSON 404.
 */
export type ReservedArea = 'api' | 'media';

const AREAS: ReadonlySet<string> = new Set<ReservedArea>(['api', 'media']);
/* Enough for any honest path; a path encoded deeper than this is judged as it stands then. */
const MAX_DECODES = 3;

export function reservedAreaOf(path: string): ReservedArea | null {
  const first = segmentsOf(decodedFully(path))[0];
  return first !== undefined && AREAS.has(first) ? (first as ReservedArea) : null;
}

function decodedFully(path: string): string {
  let text = path;
  for (let i = 0; i < MAX_DECODES; i++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(text);
    } catch {
      return text;
    }
    if (decoded === text) return text;
    text = decoded;
  }
  return text;
}

/* Dot segments resolved; `api;x`, `api.` and `API` read as `api`, as lenient servers and file systems read them. */
function segmentsOf(path: string): string[] {
  const segments: string[] = [];
  for (const raw of path.replace(/\\/g, '/').split('/')) {
    if (raw === '' || raw === '.') continue;
    if (raw === '..') {
      segments.pop();
      continue;
    }
    segments.push(
      raw
        .split(';')[0]!
        .replace(/[\s.]+$/, '')
        .toLowerCase(),
    );
  }
  return segments;
}
