/** The calls a client makes, to a server in this process or over HTTP, each answer checked against the shared schema. */
import { expect } from 'vitest';
import type { z } from 'zod/mini';
import {
  apiErrorSchema,
  generationCreatedSchema,
  taskSchema,
  uploadSchema,
  type GenerationRequestInput,
  type Task,
} from '@/shared/contract';
import { isFinalStatus } from '@/shared/status';
import type { Api } from './api';

export const SEED_PROMPT = 'A golden retriever running through a sunflower field at sunset, slow motion';

/** A path or a link, fetched and checked: a 2xx whose body the schema accepts. */
export async function getJson<S extends z.ZodMiniType>(
  api: Api,
  pathOrUrl: string,
  schema: S,
  init?: RequestInit,
): Promise<z.infer<S>> {
  const response = await api.fetch(pathOrUrl, init);
  const body: unknown = await response.json();
  expect(response.status, JSON.stringify(body)).toBeLessThan(300);
  return schema.parse(body);
}

/** An error answer: the status, our error shape, and the code. */
export async function expectError(response: Response, status: number, code: string): Promise<string> {
  const body: unknown = await response.json();
  expect({ status: response.status, body }).toMatchObject({ status, body: { error: { code } } });
  return apiErrorSchema.parse(body).error.message;
}

/** An upload as sent, answered as it comes (for refusals). */
export function postUpload(api: Api, image: Buffer, name = 'photo.jpg', type = 'image/jpeg'): Promise<Response> {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(image)], { type }), name);
  return api.fetch('/api/v1/uploads', { method: 'POST', body: form });
}

export async function upload(api: Api, image: Buffer, name = 'photo.jpg', type = 'image/jpeg') {
  const response = await postUpload(api, image, name, type);
  const body: unknown = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(201);
  return uploadSchema.parse(body);
}

export function postGeneration(api: Api, body: unknown, headers: Record<string, string> = {}) {
  return api.fetch('/api/v1/videos/generations', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer aio_your_api_key', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export async function submit(api: Api, body: GenerationRequestInput, headers: Record<string, string> = {}) {
  const response = await postGeneration(api, body, headers);
  const json: unknown = await response.json();
  expect(response.status, JSON.stringify(json)).toBe(202);
  return generationCreatedSchema.parse(json);
}

export async function getTask(api: Api, id: string): Promise<Task> {
  return getJson(api, `/api/v1/tasks/${encodeURIComponent(id)}`, taskSchema);
}

export async function waitForTask(
  api: Api,
  id: string,
  done: (task: Task) => boolean = (task) => isFinalStatus(task.status),
  timeoutMs = 45_000,
): Promise<Task> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const task = await getTask(api, id);
    if (done(task)) return task;
    if (Date.now() > deadline) throw new Error(`task ${id} still ${task.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits (bounded) until every task of `ids` has ended. */
export async function waitForTasksToEnd(api: Api, ids: readonly string[], timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const tasks = await Promise.all(ids.map((id) => getTask(api, id)));
    if (tasks.every((task) => isFinalStatus(task.status))) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for every task to end`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
