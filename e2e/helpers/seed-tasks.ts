/** Tasks made through the real API of a server a spec runs itself, for pages that need them. */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeedTask {
  task_id: string;
  status: string;
  prompt: string;
  image: string;
  upstream_task_id: string | null;
}

export async function api<T>(base: string, pathname: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${base}${pathname}`, init);
  if (!response.ok) throw new Error(`${pathname}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Uploads public/sample-product.jpg, as the first-run button does; answers the stored image's link. */
export async function uploadSample(base: string): Promise<string> {
  const form = new FormData();
  form.set('file', new Blob([fs.readFileSync('public/sample-product.jpg')], { type: 'image/jpeg' }), 'sample.jpg');
  return (await api<{ url: string }>(base, '/api/v1/uploads', { method: 'POST', body: form })).url;
}

export async function submitTask(
  base: string,
  image: string,
  prompt: string,
  options: { model?: string; duration?: '6' | '10'; resolution?: '768P' | '1080P' } = {},
): Promise<string> {
  const body = { model: 'hailuo-2-3', duration: '6', resolution: '768P', ...options, prompt, image };
  const created = await api<{ task_id: string }>(base, '/api/v1/videos/generations', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return created.task_id;
}

export async function waitForStatus(base: string, id: string, status: string, timeoutMs = 60_000): Promise<SeedTask> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const task = await api<SeedTask>(base, `/api/v1/tasks/${id}`);
    if (task.status === status) return task;
    if (Date.now() > deadline) throw new Error(`task ${id} is ${task.status}, not ${status}, after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * A task that fails the way a real one can: its image link answers 404 by the time the engine
 * fetches it (image_unreachable, uncharged). The missing-image server lives only for the call.
 */
export async function submitFailingTask(base: string, prompt: string): Promise<SeedTask> {
  const missing = http.createServer((_request, response) => response.writeHead(404).end());
  await new Promise<void>((resolve) => missing.listen(0, '127.0.0.1', resolve));
  try {
    const image = `http://127.0.0.1:${(missing.address() as AddressInfo).port}/gone.jpg`;
    return await waitForStatus(base, await submitTask(base, image, prompt), 'failed');
  } finally {
    missing.close();
  }
}
