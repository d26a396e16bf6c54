/** Creates a finished task through the public API, as a user would: upload an image, submit, wait. */
import sharp from 'sharp';
import { generationCreatedSchema, taskSchema, uploadSchema, type Task } from '../../src/shared/contract';
import { isFinalStatus, type TaskStatus } from '../../src/shared/status';

export async function makeTestImage(width = 640, height = 400): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#f59e0b"/><stop offset="1" stop-color="#2563eb"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/><circle cx="${width / 2}" cy="${height / 2}" r="${height / 4}" fill="#fff"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

export async function uploadImage(baseUrl: string, image: Buffer): Promise<string> {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(image)], { type: 'image/jpeg' }), 'bench.jpg');
  const response = await fetch(`${baseUrl}/api/v1/uploads`, { method: 'POST', body: form });
  if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${await response.text()}`);
  return uploadSchema.parse(await response.json()).url;
}

export async function submitTask(
  baseUrl: string,
  image: string,
  prompt = 'Slow push in on the product',
): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/videos/generations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ model: 'hailuo-2-3', prompt, image, duration: '6', resolution: '768P' }),
  });
  if (!response.ok) throw new Error(`submit failed: ${response.status} ${await response.text()}`);
  return generationCreatedSchema.parse(await response.json()).task_id;
}

export function waitForFinal(baseUrl: string, taskId: string, timeoutMs = 120_000): Promise<Task> {
  return waitForTask(baseUrl, taskId, (task) => isFinalStatus(task.status), 'finish', timeoutMs);
}

export function waitForStatus(baseUrl: string, taskId: string, status: TaskStatus, timeoutMs = 120_000) {
  return waitForTask(baseUrl, taskId, (task) => task.status === status, `reach ${status}`, timeoutMs);
}

async function waitForTask(
  baseUrl: string,
  taskId: string,
  done: (task: Task) => boolean,
  what: string,
  timeoutMs: number,
): Promise<Task> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const task = taskSchema.parse(await (await fetch(`${baseUrl}/api/v1/tasks/${taskId}`)).json());
    if (done(task)) return task;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`task ${taskId} did not ${what} within ${timeoutMs} ms`);
}
