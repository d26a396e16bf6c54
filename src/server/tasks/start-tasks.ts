/**
 * The one path that starts tasks, for a single video (a batch of one) and for a batch: the
 * Idempotency-Key reserved for this body (or the tasks the first identical request made,
 * answered again), our own uploads checked, the tasks stored in one transaction under the
 * credit check, the tracker woken. A refused start leaves nothing behind: no task, no charge,
 * and the key free to use again. Each route keeps its own request and answer shapes and the
 * words of its refusals.
 */
import type { Context } from 'hono';
import { DEFAULT_CATALOGUE, findModel, modeOfModel, type Duration, type Resolution } from '@/shared/pricing';
import type { GenerationRequest } from '@/shared/contract';
import type { BatchRequest } from '@/shared/batch-contract';
import type { HttpError } from '@/server/http/http-error';
import { requestOrigin } from '@/server/http/request-origin';
import { imageNameOf } from '@/server/images/image-name';
import { isMissingOwnUpload } from '@/server/images/missing-own-upload';
import type { Services } from '@/server/services';
import { newId } from '@/server/store/new-id';
import { InsufficientCreditsError, type NewTask, type TaskRecord, type TasksStore } from '@/server/store/tasks-store';
import { generationBodyHash } from './generation-body-hash';
import { idempotencyKeyOf, reserveIdempotencyKey } from './idempotency-key';
import { tasksOfBatch } from './tasks-of-batch';

/** One way to render the prompt: each image is made in every variant. */
export interface TaskVariant {
  model: string;
  duration: Duration;
  resolution: Resolution;
  /** The server's price, already quoted by the route (which words a refusal its own way). */
  priceCredits: number;
}

export interface StartRequest {
  /** The validated body: what makes a retry "the same request" for its Idempotency-Key. */
  body: GenerationRequest | BatchRequest;
  prompt: string;
  images: readonly string[];
  variants: readonly TaskVariant[];
  callbackUrl: string | null;
  /** A batch gets an id of its own, shared by its tasks; a single video has none. */
  batch: boolean;
}

/** What each route says when a start is refused. */
export interface StartRefusals {
  /** The image at `index` is an upload of ours that is no longer stored. */
  missingUpload(index: number): HttpError;
  notEnoughCredits(error: InsufficientCreditsError): HttpError;
}

export interface Started {
  batchId: string | null;
  /** In the order asked for: each image in every variant. */
  tasks: TaskRecord[];
  /** True when these are the tasks an earlier identical request made (Idempotency-Key). */
  replayed: boolean;
}

export async function startTasks(
  c: Context,
  { store, engine, tracker, config }: Services,
  request: StartRequest,
  refusals: StartRefusals,
): Promise<Started> {
  const key = idempotencyKeyOf(c);
  const earlier = key ? await reserveIdempotencyKey(c, store.idempotency, key, generationBodyHash(request.body)) : null;
  if (earlier) {
    const replay = await startedEarlier(store.tasks, earlier, request.batch);
    if (replay) return replay;
  }
  try {
    const origin = requestOrigin(c, config.publicBaseUrl);
    const names = new Map<string, string | null>();
    for (const [index, image] of request.images.entries()) {
      if (await isMissingOwnUpload(image, origin, store.uploads)) throw refusals.missingUpload(index);
      names.set(image, await imageNameOf(image, origin, store.uploads));
    }
    const now = Date.now();
    const batchId = request.batch ? newId('bat', now) : null;
    const combos = request.images.flatMap((image) => request.variants.map((variant) => ({ image, variant })));
    // Ids made in the same millisecond sort by their random part: sorted, they keep the order asked for.
    const ids = combos.map(() => newId('tsk', now)).sort();
    const newTasks = combos.map(({ image, variant }, i): NewTask => ({
      id: ids[i]!,
      engine: engine.name,
      model: variant.model,
      modelId: findModel(DEFAULT_CATALOGUE, variant.model)!.id,
      mode: modeOfModel(variant.model)!,
      prompt: request.prompt,
      image,
      imageName: names.get(image) ?? null,
      duration: variant.duration,
      resolution: variant.resolution,
      priceCredits: variant.priceCredits,
      callbackUrl: request.callbackUrl,
      batchId,
      idempotencyKey: key,
      createdAt: now,
    }));
    const tasks = await store.tasks.createMany(newTasks, { checkCredits: engine.simulated });
    tracker.wake();
    return { batchId, tasks, replayed: false };
  } catch (error) {
    if (key) await store.idempotency.release(key);
    if (error instanceof InsufficientCreditsError) throw refusals.notEnoughCredits(error);
    throw error;
  }
}

/* The key is bound to the first task a request made; a batch is read back whole from it. */
async function startedEarlier(tasks: TasksStore, firstTaskId: string, batch: boolean): Promise<Started | null> {
  const first = await tasks.get(firstTaskId);
  if (!first) return null;
  if (!batch) return { batchId: null, tasks: [first], replayed: true };
  const all = first.batchId ? await tasksOfBatch(tasks, first.batchId) : [];
  return first.batchId && all.length ? { batchId: first.batchId, tasks: all, replayed: true } : null;
}
