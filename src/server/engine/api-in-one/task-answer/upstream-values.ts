/** Turns one found upstream value into ours, or `null` when it is not that kind of value. */
import { readPath } from './read-path';

const MAX_ID_CHARS = 200;
const MAX_ERROR_CHARS = 500;

/* Wrappers fill `message`/`status_msg` with these on success; they are never a failure reason. */
const NOT_A_REASON = new Set(['', 'ok', 'success', 'succeeded', 'successful', 'done', 'null', 'none']);

export function asId(value: unknown): string | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? String(value) : null;
  if (typeof value !== 'string') return null;
  const id = value.trim();
  // An id is used in our URLs and the upstream's; whitespace or control characters mean it is not one.
  return id.length > 0 && id.length <= MAX_ID_CHARS && !/[\s\p{Cc}]/u.test(id) ? id : null;
}

export function asStatusWord(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** 0–100 from `0.45`, `45`, `"45%"` or `"0.45"`; a fraction is told apart by its decimals. */
export function asProgress(value: unknown): number | null {
  let number: number;
  if (typeof value === 'number') number = value;
  else if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*%?\s*$/.test(value)) {
    number = Number.parseFloat(value);
    if (value.includes('%')) return clampPercent(number);
  } else return null;
  if (!Number.isFinite(number) || number < 0) return null;
  // 0.45 is a fraction; 45 and 1 are percentages (a finished task is set to 100 by status).
  const percent = number < 1 && !Number.isInteger(number) ? number * 100 : number;
  return clampPercent(percent);
}

function clampPercent(percent: number): number | null {
  if (!Number.isFinite(percent) || percent < 0) return null;
  return Math.min(100, Math.round(percent * 10) / 10);
}

/* The fields a result object names its link with (any case or separators: read-path.ts). */
const LINK_FIELDS = ['url', 'video_url', 'uri', 'resource', 'download_url', 'result_urls', 'urls'] as const;

/** An absolute http(s) URL, also when wrapped in an array or an object with a `url`. */
export function asHttpUrl(value: unknown, depth = 0): string | null {
  if (depth > 3) return null;
  if (typeof value === 'string') return isHttpUrl(value.trim()) ? value.trim() : null;
  if (Array.isArray(value)) return firstOf(value, (item) => asHttpUrl(item, depth + 1));
  if (value !== null && typeof value === 'object') {
    return firstOf(LINK_FIELDS, (field) => asHttpUrl(readPath(value, field), depth + 1));
  }
  return null;
}

function isHttpUrl(text: string): boolean {
  if (!/^https?:\/\//i.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** A failure reason a person can read: a non-empty string, or an error object's message. */
export function asErrorText(value: unknown, depth = 0): string | null {
  if (depth > 3) return null;
  if (typeof value === 'string') {
    const text = value.trim();
    if (NOT_A_REASON.has(text.toLowerCase())) return null;
    return text.length > MAX_ERROR_CHARS ? `${text.slice(0, MAX_ERROR_CHARS)}…` : text;
  }
  if (Array.isArray(value)) return firstOf(value, (item) => asErrorText(item, depth + 1));
  if (value !== null && typeof value === 'object') {
    return firstOf(['message', 'msg', 'error', 'detail', 'reason', 'status_msg'], (field) =>
      asErrorText(readPath(value, field), depth + 1),
    );
  }
  return null;
}

function firstOf<T, R>(items: readonly T[], read: (item: T) => R | null): R | null {
  for (const item of items) {
    const found = read(item);
    if (found !== null) return found;
  }
  return null;
}
