/** Performance budgets (issue 10), in one place for the build check and the benchmarks. */
export const BUDGETS = {
  /** Issue 10's target for the dashboard's first load. */
  initialJsGzipBytes: 90 * 1024,
  /*
   * What `npm run build` enforces today, to stop regressions. react-dom 19 alone is ~66 KB
   * gzip and React Query ~12 KB, so the 90 KB target is out of reach without leaving React;
   * the bench prints both figures until the gap is closed. Raised from 160 KB when the
   * virtualized gallery (@tanstack/react-virtual, ~11 KB) joined the first load.
   */
  initialJsGzipCeilingBytes: 172 * 1024,
  cssGzipBytes: 15 * 1024,
  lcpMs: 1500,
  totalBlockingTimeMs: 100,
  cls: 0.05,
  taskThroughputRatio: 0.6,
  localEncode6s768pMs: 2000,
  firstPageServerMs: 50,
} as const;
