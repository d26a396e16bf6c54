/**
 * Tasks made through the real API of a running server, as a user would make them (upload an
 * image, submit, wait): for the browser tests, the benches and the README screenshots.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { generationCreatedSchema, taskSchema, uploadSchema, type Task } from '@/shared/contract';
import { isFinalStatus, type TaskStatus } from '@/shared/status';

export async function api<T>(base: string, pathname: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${base}${pathname}`, init);
  if (!response.ok) throw new Error(`${pathname}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Uploads a JPEG; answers the stored image's link. */
export async function uploadImage(base: string, image: Buffer, name = 'image.jpg'): Promise<string> {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(image)], { type: 'image/jpeg' }), name);
  return uploadSchema.parse(await api(base, '/api/v1/uploads', { method: 'POST', body: form })).url;
}

/** Uploads public/sample-product.jpg, as the first-run button does; answers the stored image's link. */
export function uploadSample(base: string): Promise<string> {
  return uploadImage(base, fs.readFileSync('public/sample-product.jpg'), 'sample.jpg');
}

export async function submitTask(
  base: string,
  image: string,
  prompt = 'Slow push in on the product',
  options: { model?: string; duration?: '6' | '10'; resolution?: '768P' | '1080P' } = {},
): Promise<string> {
  const body = { model: 'hailuo-2-3', duration: '6', resolution: '768P', ...options, prompt, image };
  const created = await api(base, '/api/v1/videos/generations', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return generationCreatedSchema.parse(created).task_id;
}

async function waitForTask(base: string, id: string, done: (task: Task) => boolean, what: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const task = taskSchema.parse(await api(base, `/api/v1/tasks/${id}`));
    if (done(task)) return task;
    if (Date.now() > deadline) throw new Error(`task ${id} is ${task.status}, not ${what}, after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export function waitForStatus(base: string, id: string, status: TaskStatus, timeoutMs = 60_000): Promise<Task> {
  return waitForTask(base, id, (task) => task.status === status, status, timeoutMs);
}

export function waitForFinal(base: string, id: string, timeoutMs = 120_000): Promise<Task> {
  return waitForTask(base, id, (task) => isFinalStatus(task.status), 'finished', timeoutMs);
}

/**
 * A task that fails the way a real one can: its image link cannot be fetched when the engine
 * tries (image_unreachable, uncharged). The link names this machine by its host name, which
 * passes the submit's checks (names are looked up only when used) and resolves inside without
 * any traffic leaving the machine: refused there as an inside address, or — on a server that
 * may fetch from loopback — answered 404 by the missing-image server, which lives only for the call.
 */
export async function submitFailingTask(base: string, prompt: string): Promise<Task> {
  const missing = http.createServer((_request, response) => response.writeHead(404).end());
  await new Promise<void>((resolve) => missing.listen(0, '127.0.0.1', resolve));
  try {
    const image = `http://${os.hostname()}:${(missing.address() as AddressInfo).port}/gone.jpg`;
    return await waitForStatus(base, await submitTask(base, image, prompt), 'failed');
  } finally {
    missing.close();
  }
}
