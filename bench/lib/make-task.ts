/** Creates a finished task through the public API, as a user would: upload an image, submit, wait. */
import sharp from 'sharp';
import { generationCreatedSchema, taskSchema, uploadSchema, type Task } from '../../src/shared/contract';

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

export async function waitForFinal(baseUrl: string, taskId: string, timeoutMs = 120_000): Promise<Task> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const task = taskSchema.parse(await (await fetch(`${baseUrl}/api/v1/tasks/${taskId}`)).json());
    if (task.status === 'succeeded' || task.status === 'failed' || task.status === 'canceled') return task;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`task ${taskId} did not finish within ${timeoutMs} ms`);
}
