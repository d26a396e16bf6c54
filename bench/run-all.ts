/**
 * `npm run bench`: every benchmark in turn, figures printed, ratios taken within one run.
 * Exits non-zero when a figure misses its target, so a regression is visible.
 */
import { execSync } from 'node:child_process';
import { printBundle } from './bundle';
import { benchGallery, printGallery } from './gallery-list';
import { benchLocalEngine, printLocalEngine } from './local-engine';
import { benchFleetScale, printFleetScale } from './fleet-scale';
import { withPostgres } from './lib/postgres';
import { benchMillionTasks, printMillionTasks } from './million-tasks';
import { benchMontage, printMontage } from './montage-render';
import { benchTaskThroughput, printTaskThroughput } from './task-throughput';
import { benchTrackerLoad, printTrackerLoad } from './tracker-load';
import { benchUpstreamPolls, printUpstreamPolls } from './upstream-polls';
import { benchWebVitals, printWebVitals } from './web-vitals';

const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.includes(name);
const results: Record<string, boolean> = {};

if (wanted('bundle') || wanted('vitals'))
  execSync('npx vite build --logLevel warn && npx tsx scripts/prerender.ts', { stdio: 'inherit' });
if (wanted('bundle')) results.bundle = printBundle();
if (wanted('throughput')) results.throughput = printTaskThroughput(await benchTaskThroughput());
if (wanted('polls')) results.polls = printUpstreamPolls(await benchUpstreamPolls());
if (wanted('engine')) results.engine = printLocalEngine(await benchLocalEngine());
if (wanted('montage')) results.montage = printMontage(await benchMontage());
if (wanted('gallery')) results.gallery = printGallery(await benchGallery());
if (wanted('million')) results.million = printMillionTasks(await benchMillionTasks());
if (wanted('vitals')) results.vitals = printWebVitals(await benchWebVitals());
if (wanted('fleet') || wanted('tracker')) {
  await withPostgres(async () => {
    if (wanted('fleet')) results.fleet = printFleetScale(await benchFleetScale());
    if (wanted('tracker')) results.tracker = printTrackerLoad(await benchTrackerLoad());
  });
}

const missed = Object.entries(results)
  .filter(([, ok]) => !ok)
  .map(([name]) => name);
console.log(`\n${missed.length ? `Missed targets: ${missed.join(', ')}` : 'Every target met.'}`);
process.exit(missed.length ? 1 : 0);
