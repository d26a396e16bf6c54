/**
 * Where the sign-in page sends a person afterwards. Only a path on this site is followed, so a
 * crafted `/sign-in?next=https://evil.example` link cannot bounce someone elsewhere.
 */
export const SIGN_IN_PATH = '/sign-in';

export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next.startsWith(SIGN_IN_PATH) ? '/' : next;
}

export function signInHref(current: { pathname: string; search: string }): string {
  return `${SIGN_IN_PATH}?next=${encodeURIComponent(`${current.pathname}${current.search}`)}`;
}

/** Sends the page to sign-in (a full load, so nothing of the refused session stays in memory). */
export function redirectToSignIn(): void {
  if (window.location.pathname === SIGN_IN_PATH) return;
  window.location.assign(signInHref(window.location));
}
