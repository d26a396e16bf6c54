/** Conditional GETs: an answer with an ETag, and a bodiless 304 when the client already holds it. */
import type { Context } from 'hono';
import { securedResponse } from './security-headers';

/* RFC 9110 weak comparison, so `W/"x"` from a proxy still matches; `*` matches any current answer. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch === etag) return true;
  return ifNoneMatch.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || (tag.startsWith('W/') ? tag.slice(2) : tag) === etag;
  });
}

/**
 * A JSON answer that browsers revalidate on every read (`no-cache`), so a poller holding the
 * current version costs a 304 and no body. Built without the context's header machinery: it is
 * the hottest answer we give (see security-headers.ts).
 */
export function jsonWithEtag(c: Context, body: string, etag: string): Response {
  if (etagMatches(c.req.header('If-None-Match'), etag)) {
    return securedResponse(null, 304, { ETag: etag, 'Cache-Control': 'no-cache' });
  }
  return securedResponse(body, 200, { 'Content-Type': 'application/json', ETag: etag, 'Cache-Control': 'no-cache' });
}
