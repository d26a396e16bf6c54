/** A batch made through the real API, as the batch form makes one: its photos uploaded, then one request. */
import { batchCreatedSchema } from '@/shared/batch-contract';
import { api, uploadImage } from '../../support/seed-tasks';
import { makeTestImage } from '../../support/test-image';

/* Portrait, square and landscape: a gallery of product photos is rarely one shape. */
export const BATCH_SHAPES: readonly (readonly [width: number, height: number])[] = [
  [720, 1280],
  [900, 900],
  [1280, 720],
];

/** Starts a batch of one photo per shape in `shapes`, standard 6 s 768P; answers its task ids, in the photos' order. */
export async function seedBatch(base: string, prompt: string, shapes = BATCH_SHAPES): Promise<string[]> {
  const images = [];
  for (const [width, height] of shapes) {
    images.push(await uploadImage(base, await makeTestImage(width, height), `photo-${width}x${height}.jpg`));
  }
  const created = await api(base, '/api/v1/batches', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({ prompt, images, variants: [{ mode: 'standard', duration: '6', resolution: '768P' }] }),
  });
  return batchCreatedSchema.parse(created).task_ids;
}
