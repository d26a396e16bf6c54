/**
 * `GET /api/v1/tasks/{id}` against a bare node:http server answering a fixed JSON of the
 * same size, side by side in one run, so the ratio holds on a noisy shared machine. A finished
 * task (served from its kept answer) and a running one (its kept answer, checked against the
 * row's version in the store on every request) are measured apart; the server's CPU time per request is printed too, being steadier than
 * requests per second when other work shares the machine.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SCRATCH_DIR } from '@/server/data-dir/scratch-dir';
import { SECURITY_HEADERS } from '@/server/http/security-headers';
import { BUDGETS } from './budgets';
import { load, type LoadFigures } from './lib/load';
import { submitTask, uploadImage, waitForFinal, waitForStatus } from '../tests/support/seed-tasks';
import { makeTestImage } from '../tests/support/test-image';
import { processCpuMs } from './lib/process-cpu';
import { freePort, startServer, waitForHttp, type ServerProcess } from '../tests/support/server-process';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
/* Short rounds, each measuring all three back to back; the median round's ratio shrugs off a burst of other work. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

export interface SideFigures extends LoadFigures {
  /** Server CPU (user + system) per answered request; null where /proc is missing. */
  cpuUsPerRequest: number | null;
}

export interface ThroughputFigures {
  bare: SideFigures;
  /** The same baseline sending every header our route sends: what the framework costs apart from the bytes. */
  bareSameHeaders: SideFigures;
  finished: SideFigures;
  running: SideFigures;
  ratio: number;
  runningRatio: number;
  sameHeadersRatio: number;
  runningSameHeadersRatio: number;
}

interface Target {
  url: string;
  pid: number | undefined;
  runs: SideFigures[];
}

async function measure(target: Target): Promise<void> {
  const before = processCpuMs(target.pid);
  const figures = await load(target.url, SECONDS);
  const after = processCpuMs(target.pid);
  const requests = figures.requestsPerSec * SECONDS;
  const cpuUsPerRequest =
    before !== null && after !== null && requests > 0 ? ((after - before) * 1000) / requests : null;
  target.runs.push({ ...figures, cpuUsPerRequest });
}

/* Headers a connection adds on its own; everything else our route sends, the "same bytes" baseline sends too. */
const PER_CONNECTION = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

interface BareServer {
  url: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

async function startBare(body: string, headers: Record<string, string> = {}): Promise<BareServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/fixtures/bare-json-server.ts'], {
    env: { ...process.env, PORT: String(port), BARE_BODY: body, BARE_HEADERS: JSON.stringify(headers) },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}/`;
  await waitForHttp(url);
  return {
    url,
    pid: child.pid,
    stop: () => new Promise((resolve) => (child.once('exit', () => resolve()), child.kill('SIGTERM'))),
  };
}

export async function benchTaskThroughput(): Promise<ThroughputFigures> {
  // One server finishes its task at once; the other keeps its task running for the whole run.
  const fast = await startServer({ LOCAL_ENGINE_DELAY_MS: '200' });
  const slow = await startServer({ LOCAL_ENGINE_DELAY_MS: '600000' });
  const bares: BareServer[] = [];
  try {
    const image = await makeTestImage();
    const finishedId = await submitTask(fast.url, await uploadImage(fast.url, image));
    await waitForFinal(fast.url, finishedId);
    const runningId = await submitTask(slow.url, await uploadImage(slow.url, image));
    await waitForStatus(slow.url, runningId, 'running');
    await waitForRender(slow, runningId);
    const finishedUrl = `${fast.url}/api/v1/tasks/${finishedId}`;
    const response = await fetch(finishedUrl);
    const body = await response.text();
    const headers = Object.fromEntries([...response.headers].filter(([name]) => !PER_CONNECTION.has(name)));
    bares.push(await startBare(body), await startBare(body, headers));
    const [bare, bareSameHeaders] = bares as [BareServer, BareServer];

    const targets = {
      bare: { url: bare.url, pid: bare.pid, runs: [] } as Target,
      bareSameHeaders: { url: bareSameHeaders.url, pid: bareSameHeaders.pid, runs: [] } as Target,
      finished: { url: finishedUrl, pid: fast.child.pid, runs: [] } as Target,
      running: { url: `${slow.url}/api/v1/tasks/${runningId}`, pid: slow.child.pid, runs: [] } as Target,
    };
    // Warm each (JIT, SQLite page cache), then measure in turns, reversed every round, so drift hits all alike.
    for (const target of Object.values(targets)) await load(target.url, 1);
    for (let round = 0; round < ROUNDS; round++) {
      const order = Object.values(targets);
      for (const target of round % 2 ? order.reverse() : order) await measure(target);
    }
    const perRound = (target: Target, baseline = targets.bare) =>
      median(target.runs.map((run, i) => run.requestsPerSec / baseline.runs[i]!.requestsPerSec));
    return {
      bare: medianFigures(targets.bare.runs),
      bareSameHeaders: medianFigures(targets.bareSameHeaders.runs),
      finished: medianFigures(targets.finished.runs),
      running: medianFigures(targets.running.runs),
      ratio: perRound(targets.finished),
      runningRatio: perRound(targets.running),
      sameHeadersRatio: perRound(targets.finished, targets.bareSameHeaders),
      runningSameHeadersRatio: perRound(targets.running, targets.bareSameHeaders),
    };
  } finally {
    for (const bare of bares) await bare.stop();
    for (const server of [fast, slow]) await stopAndRemove(server);
  }
}

/*
 * The local engine encodes at once and then waits out its delay: measure after the encode, not
 * beside it. Its poster, written whole and last, says the encode is over.
 */
async function waitForRender(server: ServerProcess, taskId: string, timeoutMs = 120_000): Promise<void> {
  // The server's own scratch folder, DATA_DIR/scratch/<pid>-<start>/ (there is one: the server runs).
  const scratch = path.join(server.dataDir, SCRATCH_DIR);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (fs.readdirSync(scratch).some((dir) => fs.existsSync(path.join(scratch, dir, `${taskId}.jpg`)))) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`task ${taskId} was not rendered within ${timeoutMs} ms`);
}

async function stopAndRemove(server: ServerProcess): Promise<void> {
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/* Medians over the rounds, so one disturbed round does not move the figure. */
function medianFigures(runs: SideFigures[]): SideFigures {
  const cpu = runs.map((f) => f.cpuUsPerRequest);
  return {
    requestsPerSec: median(runs.map((f) => f.requestsPerSec)),
    p50Ms: median(runs.map((f) => f.p50Ms)),
    p99Ms: median(runs.map((f) => f.p99Ms)),
    non2xx: runs.reduce((sum, f) => sum + f.non2xx, 0),
    cpuUsPerRequest: cpu.every((v) => v !== null) ? median(cpu as number[]) : null,
  };
}

function line(name: string, f: SideFigures, bare: SideFigures): string {
  const cpu =
    f.cpuUsPerRequest === null
      ? ''
      : `, server CPU ${f.cpuUsPerRequest.toFixed(0)} µs/request` +
        (f === bare || bare.cpuUsPerRequest === null
          ? ''
          : ` (bare/ours ${(bare.cpuUsPerRequest / f.cpuUsPerRequest).toFixed(2)})`);
  return `  ${name.padEnd(15)} ${f.requestsPerSec.toFixed(0).padStart(6)} req/s, p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms, non-2xx ${f.non2xx}${cpu}`;
}

/*
 * Judged against the baseline sending the same bytes (our body and every header we send): the
 * target asks what the framework and our middleware cost, and the twelve security headers of
 * issue 8 are bytes any server must write and Node must check, framework or not. The ratio to
 * the bare server sending only a content type is printed beside it.
 */
export function printTaskThroughput(figures: ThroughputFigures): boolean {
  const ok =
    figures.sameHeadersRatio >= BUDGETS.taskThroughputRatio &&
    figures.runningSameHeadersRatio >= BUDGETS.taskThroughputRatio &&
    figures.finished.non2xx + figures.running.non2xx === 0;
  console.log('\nGET /api/v1/tasks/{id} vs bare node:http (same body, loopback, 16 connections)');
  console.log(line('bare', figures.bare, figures.bare));
  console.log(line('bare, our hdrs', figures.bareSameHeaders, figures.bare));
  console.log(line('ours, finished', figures.finished, figures.bare));
  console.log(line('ours, running', figures.running, figures.bare));
  console.log(
    `  median per-round ratio, finished task: ${figures.sameHeadersRatio.toFixed(2)} of the bare server sending the same bytes (body and our ${Object.keys(SECURITY_HEADERS).length} security headers; target ≥ ${BUDGETS.taskThroughputRatio}) ${ok ? 'ok' : 'BELOW TARGET'}`,
  );
  console.log(
    `  running task (kept answer checked against the row's version on every request): ${figures.runningSameHeadersRatio.toFixed(2)} of the same (target ≥ ${BUDGETS.taskThroughputRatio})`,
  );
  console.log(
    `  for the record: ${figures.ratio.toFixed(2)} finished and ${figures.runningRatio.toFixed(2)} running, of the bare server sending the body alone`,
  );
  return ok;
}
