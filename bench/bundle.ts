/** Prints the production build's sizes against their budgets. */
import path from 'node:path';
import { BUDGETS } from './budgets';
import { kb, measureBundle } from './lib/bundle-size';

export function printBundle(): boolean {
  const sizes = measureBundle(path.resolve('dist'));
  const ok = sizes.initialJs.gzipBytes <= BUDGETS.initialJsGzipBytes && sizes.css.gzipBytes <= BUDGETS.cssGzipBytes;
  console.log('\nProduction build (gzip -9)');
  console.log(
    `  initial JS ${kb(sizes.initialJs.gzipBytes)} (budget ${kb(BUDGETS.initialJsGzipBytes)}) in ${sizes.initialJs.files.length} files`,
  );
  console.log(`  CSS        ${kb(sizes.css.gzipBytes)} (budget ${kb(BUDGETS.cssGzipBytes)})`);
  console.log(`  lazy JS    ${kb(sizes.lazyJs.gzipBytes)} in ${sizes.lazyJs.files.length} chunks, loaded on demand`);
  return ok;
}
