/** Batch calls, to a server in this process or over HTTP, each answer checked against the shared schema. */
import { unzipSync } from 'fflate';
import { expect } from 'vitest';
import { taskListSchema } from '@/shared/contract';
import { batchCreatedSchema, batchSchema, type Batch, type BatchRequestInput } from '@/shared/batch-contract';
import { isFinalStatus } from '@/shared/status';
import type { Api } from './api';
import { getJson } from './api-calls';

export function postBatch(api: Api, body: unknown, headers: Record<string, string> = {}) {
  return api.fetch('/api/v1/batches', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export async function createBatch(api: Api, body: BatchRequestInput, headers: Record<string, string> = {}) {
  const response = await postBatch(api, body, headers);
  const json: unknown = await response.json();
  expect(response.status, JSON.stringify(json)).toBe(201);
  return { ...batchCreatedSchema.parse(json), replayed: response.headers.get('idempotent-replayed') === 'true' };
}

export function getBatch(api: Api, batchId: string): Promise<Batch> {
  return getJson(api, `/api/v1/batches/${encodeURIComponent(batchId)}`, batchSchema);
}

export async function waitForBatch(api: Api, batchId: string, timeoutMs = 60_000): Promise<Batch> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const batch = await getBatch(api, batchId);
    if (batch.tasks.every((task) => isFinalStatus(task.status))) return batch;
    if (Date.now() > deadline) throw new Error(`batch ${batchId} unfinished after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Every task the server holds, counted from the list's per-status counts. */
export async function countAllTasks(api: Api): Promise<number> {
  const list = await getJson(api, '/api/v1/tasks?limit=1', taskListSchema);
  return Object.values(list.counts).reduce((a, b) => a + b, 0);
}

/** Fetches `/api/v1/downloads.zip?…` and unpacks it (or returns the error answer untouched). */
export async function fetchZip(api: Api, search: string) {
  const response = await api.fetch(`/api/v1/downloads.zip?${search}`);
  if (!response.ok) return { response, bytes: null, files: null };
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { response, bytes, files: unzipSync(bytes) };
}
