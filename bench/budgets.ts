/** Performance budgets (issue 10), in one place for the build check and the benchmarks. */
export const BUDGETS = {
  /** Issue 10's target for the dashboard's first load. */
  initialJsGzipBytes: 90 * 1024,
  /*
   * What `npm run build` enforces (issue 22): 110.5 KB on 2026-12-01, with the creator's page
   * prerendered, the one-video form and the virtualizer loaded on demand. React 19's react-dom
   * alone is ~64 KB gzip, so 90 KB stays out of reach while the app runs on React.
   */
  initialJsGzipCeilingBytes: 120 * 1024,
  cssGzipBytes: 15 * 1024,
  lcpMs: 1500,
  /** Issue 22: the main page at 4× CPU throttling, with the prerendered HTML. */
  lcpSlowCpuMs: 1000,
  totalBlockingTimeMs: 100,
  cls: 0.05,
  taskThroughputRatio: 0.6,
  localEncode6s768pMs: 2000,
  firstPageServerMs: 50,
} as const;
