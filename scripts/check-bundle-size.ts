/** Runs after `vite build`: the build fails when the dashboard grows past its budget. */
import path from 'node:path';
import { BUDGETS } from '../bench/budgets';
import { kb, measureBundle } from '../bench/lib/bundle-size';

const sizes = measureBundle(path.resolve('dist'));
const checks = [
  { name: 'initial JS', bytes: sizes.initialJs.gzipBytes, budget: BUDGETS.initialJsGzipCeilingBytes },
  { name: 'CSS', bytes: sizes.css.gzipBytes, budget: BUDGETS.cssGzipBytes },
];
let over = false;
for (const check of checks) {
  const ok = check.bytes <= check.budget;
  over ||= !ok;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${check.name}: ${kb(check.bytes)} gzip (budget ${kb(check.budget)})`);
}
console.log(
  `     lazy JS (loaded on demand): ${kb(sizes.lazyJs.gzipBytes)} gzip in ${sizes.lazyJs.files.length} chunks`,
);
if (over) {
  console.error('The build is over its size budget: load the new code on demand or make it smaller.');
  process.exit(1);
}
