/**
 * The time left of a running task in words. The server's estimate is rough, so it is rounded
 * to what a person can use ("about 40 s", "about 2 min") and never promises "0 s".
 */
export function formatEta(etaSeconds: number | null | undefined): string | null {
  if (etaSeconds === null || etaSeconds === undefined || !Number.isFinite(etaSeconds) || etaSeconds < 0) return null;
  if (etaSeconds < 5) return 'almost done';
  if (etaSeconds < 60) return `about ${Math.ceil(etaSeconds / 5) * 5} s left`;
  const minutes = Math.round(etaSeconds / 60);
  return `about ${minutes} min left`;
}
