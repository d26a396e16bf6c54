/**
 * Over a thousand malformed, oversized, wrongly typed and hostile requests (seeded, so a failure
 * can be replayed) against every route: none answers 5xx, every /api answer is our JSON (errors
 * with a known code), nothing is created — no task, no charge, no upload — and the server still
 * answers its health check afterwards.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@/shared/errors';
import { upload } from '../support/api-calls';
import { rawRequest, type RawResponse } from '../support/raw-request';
import { SeededRandom } from '../fuzz/seeded-random';
import { writeFakeDist } from '../support/fake-dist';
import { makeTestImage } from '../support/test-image';
import { makeDataDir, startTestServer, type TestServer } from '../support/test-server';
import { fuzzCases, type FuzzCase } from '../fuzz/fuzz-cases';

const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const CONCURRENCY = 4;
let server: TestServer;
let cases: FuzzCase[];

interface Counts {
  tasks: number;
  ledger: number;
  uploads: number;
  uploadFiles: number;
}

function counts(): Counts {
  const db = new Database(path.join(server.dataDir, 'hailuo.sqlite'), { readonly: true });
  try {
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      tasks: count('tasks'),
      ledger: count('ledger'),
      uploads: count('uploads'),
      uploadFiles: fs.readdirSync(path.join(server.dataDir, 'media', 'uploads')).length,
    };
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  const dataDir = makeDataDir();
  // Production link policy: a fuzzed link must not reach anything, loopback included.
  server = await startTestServer({ DIST_DIR: writeFakeDist(dataDir), LOCAL_ENGINE_DELAY_MS: '600000' }, dataDir, {
    productionLinkPolicy: true,
  });
  const uploaded = await upload(server, await makeTestImage());
  cases = fuzzCases(new SeededRandom(SEED), {
    uploadUrl: uploaded.url,
    uploadPath: new URL(uploaded.url).pathname,
    webhookSecret: server.services.webhookSecret,
  });
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

const CREATING = new Set(['submit', 'batch', 'upload']);

/** Why an answer is wrong, or null. */
function problem(request: FuzzCase, response: RawResponse): string | null {
  if (response.status >= 500) return `answered ${response.status}`;
  // Every body was built to be refused: one that was taken made something.
  if (CREATING.has(request.family) && response.status < 300) {
    return `was accepted (${response.status}): ${String(request.body).slice(0, 300)}`;
  }
  if (!request.path.startsWith('/api') || request.method === 'HEAD') return null;
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    return `answered ${response.status} with a body that is not JSON: ${response.body.slice(0, 80)}`;
  }
  if (response.status < 400) return null;
  const code = (body as { error?: { code?: unknown; message?: unknown } }).error?.code;
  const message = (body as { error?: { message?: unknown } }).error?.message;
  if (!(ERROR_CODES as readonly unknown[]).includes(code) || typeof message !== 'string') {
    return `answered ${response.status} without our error shape: ${response.body.slice(0, 80)}`;
  }
  return null;
}

describe(`fuzzing every route (seed ${SEED})`, () => {
  it('answers over a thousand hostile requests without a 5xx, in JSON, creating nothing', async () => {
    expect(cases.length).toBeGreaterThanOrEqual(1000);
    expect(new Set(cases.map((c) => c.family)).size).toBeGreaterThanOrEqual(9);
    const before = counts();
    const problems: string[] = [];
    let next = 0;
    async function worker() {
      while (next < cases.length) {
        const index = next++;
        const request = cases[index]!;
        const response = await rawRequest(server.url, { ...request, timeoutMs: 20_000 }).catch(
          (error: Error) => ({ status: 599, headers: {}, body: error.message }) as RawResponse,
        );
        const wrong = problem(request, response);
        if (wrong)
          problems.push(
            `#${index} ${request.family} ${request.method} ${request.path.slice(0, 120)} ` +
              `${JSON.stringify(request.headers).slice(0, 100)}: ${wrong}`,
          );
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    expect(problems.slice(0, 15)).toEqual([]);
    expect(counts()).toEqual(before);
    const health = await server.fetch('/api/health');
    expect(health.status).toBe(200);
  });
});
