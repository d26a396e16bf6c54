/**
 * `GET /api/v1/tasks/{id}` against a bare node:http server answering a fixed JSON of the
 * same size, side by side in one run, so the ratio holds on a noisy shared machine.
 */
import { spawn } from 'node:child_process';
import { BUDGETS } from './budgets';
import { load, type LoadFigures } from './lib/load';
import { makeTestImage, submitTask, uploadImage, waitForFinal } from './lib/make-task';
import { freePort, startServer, waitForHttp } from './lib/server-process';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

export async function benchTaskThroughput(): Promise<{ ours: LoadFigures; bare: LoadFigures; ratio: number }> {
  const app = await startServer({ LOCAL_ENGINE_DELAY_MS: '200' });
  const bareProcess = { stop: async () => {} };
  try {
    const image = await uploadImage(app.url, await makeTestImage());
    const taskId = await submitTask(app.url, image);
    await waitForFinal(app.url, taskId);
    const taskUrl = `${app.url}/api/v1/tasks/${taskId}`;
    const body = await (await fetch(taskUrl)).text();

    const barePort = await freePort();
    const bare = spawn(process.execPath, ['--import', 'tsx', 'bench/fixtures/bare-json-server.ts'], {
      env: { ...process.env, PORT: String(barePort), BARE_BODY: body },
      stdio: 'ignore',
    });
    bareProcess.stop = () => new Promise((resolve) => (bare.once('exit', () => resolve()), bare.kill('SIGTERM')));
    const bareUrl = `http://127.0.0.1:${barePort}/`;
    await waitForHttp(bareUrl);

    // Warm both (JIT, SQLite page cache), then measure alternately so drift hits both alike.
    await load(taskUrl, 1);
    await load(bareUrl, 1);
    const oursA = await load(taskUrl, SECONDS);
    const bareA = await load(bareUrl, SECONDS);
    const bareB = await load(bareUrl, SECONDS);
    const oursB = await load(taskUrl, SECONDS);
    const ours = average(oursA, oursB);
    const bareFigures = average(bareA, bareB);
    return { ours, bare: bareFigures, ratio: ours.requestsPerSec / bareFigures.requestsPerSec };
  } finally {
    await bareProcess.stop();
    await app.stop();
  }
}

function average(a: LoadFigures, b: LoadFigures): LoadFigures {
  return {
    requestsPerSec: (a.requestsPerSec + b.requestsPerSec) / 2,
    p50Ms: Math.max(a.p50Ms, b.p50Ms),
    p99Ms: Math.max(a.p99Ms, b.p99Ms),
    non2xx: a.non2xx + b.non2xx,
  };
}

export function printTaskThroughput(figures: Awaited<ReturnType<typeof benchTaskThroughput>>): boolean {
  const ok = figures.ratio >= BUDGETS.taskThroughputRatio && figures.ours.non2xx === 0;
  console.log('\nGET /api/v1/tasks/{id} vs bare node:http (same body, loopback, 16 connections)');
  console.log(
    `  ours: ${figures.ours.requestsPerSec.toFixed(0)} req/s, p50 ${figures.ours.p50Ms} ms, p99 ${figures.ours.p99Ms} ms, non-2xx ${figures.ours.non2xx}`,
  );
  console.log(
    `  bare: ${figures.bare.requestsPerSec.toFixed(0)} req/s, p50 ${figures.bare.p50Ms} ms, p99 ${figures.bare.p99Ms} ms`,
  );
  console.log(
    `  ratio ${figures.ratio.toFixed(2)} (target ≥ ${BUDGETS.taskThroughputRatio}) ${ok ? 'ok' : 'BELOW TARGET'}`,
  );
  return ok;
}
