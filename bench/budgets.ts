/** Performance budgets (issue 10), in one place for the build check and the benchmarks. */
export const BUDGETS = {
  initialJsGzipBytes: 90 * 1024,
  cssGzipBytes: 15 * 1024,
  lcpMs: 1500,
  totalBlockingTimeMs: 100,
  cls: 0.05,
  taskThroughputRatio: 0.6,
  localEncode6s768pMs: 2000,
  firstPageServerMs: 50,
} as const;
