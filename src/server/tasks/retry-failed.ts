/**
 * "Retry failed" on a batch: each failed task of the batch is made again with its own
 * parameters and image (the stored upload link: nothing is uploaded again), in the same batch,
 * under the price the catalogue quotes now. A failed task is retried at most once — the retry
 * is the next try, and if it fails too it is retried in turn — so a second click, or a request
 * sent again, finds every failed task retried already and makes nothing (a unique index holds
 * that when two requests race). The failed tasks leave the gallery for their retries; support
 * still lists them.
 */
import { DEFAULT_CATALOGUE, quote } from '@/shared/pricing';
import { HttpError } from '@/server/http/http-error';
import { isMissingOwnUpload } from '@/server/images/missing-own-upload';
import type { Services } from '@/server/services';
import { newId } from '@/server/store/new-id';
import { InsufficientCreditsError, type NewTask, type TaskRecord } from '@/server/store/tasks-store';
import { tasksOfBatch } from './tasks-of-batch';

export interface Retried {
  batchId: string;
  /** The retries this request made, in the batch's order. */
  created: TaskRecord[];
  /** Retries made before (by an earlier click or request), of the batch's failed tasks. */
  earlier: TaskRecord[];
}

export async function retryFailed(
  { store, engine, tracker }: Pick<Services, 'store' | 'engine' | 'tracker'>,
  batchId: string,
  origin: string,
): Promise<Retried> {
  const tasks = batchId.length <= 100 ? await tasksOfBatch(store.tasks, batchId) : [];
  if (!tasks.length) throw new HttpError(404, 'not_found', `No batch with id "${batchId.slice(0, 100)}".`);
  const retryOf = new Map(tasks.filter((t) => t.retryOf).map((t) => [t.retryOf!, t]));
  const failed = tasks.filter((task) => task.status === 'failed');
  const waiting = failed.filter((task) => !retryOf.has(task.id));
  const earlier = failed.flatMap((task) => retryOf.get(task.id) ?? []);
  if (!failed.length) {
    throw new HttpError(409, 'nothing_to_retry', 'No task of this batch has failed, so there is nothing to retry.');
  }
  if (!waiting.length) return { batchId, created: [], earlier };

  for (const task of waiting) {
    if (await isMissingOwnUpload(task.image, origin, store.uploads)) {
      const name = task.imageName ? `“${task.imageName}”` : 'A failed task’s image';
      throw new HttpError(
        422,
        'image_unreachable',
        `${name} is an upload that is no longer on this server. Upload it again in a new batch; nothing was retried.`,
      );
    }
  }
  const now = Date.now();
  const ids = waiting.map(() => newId('tsk', now)).sort();
  const retries = waiting.map((task, i): NewTask => ({
    id: ids[i]!,
    engine: engine.name,
    model: task.model,
    modelId: task.modelId,
    mode: task.mode,
    prompt: task.prompt,
    image: task.image,
    imageName: task.imageName,
    duration: task.duration,
    resolution: task.resolution,
    priceCredits: priceNow(task),
    callbackUrl: task.callbackUrl,
    batchId,
    idempotencyKey: null,
    retryOf: task.id,
    createdAt: now,
  }));
  try {
    const created = await store.tasks.createRetries(retries, { checkCredits: engine.simulated });
    tracker.wake();
    // Made by a request racing this one: read back, so both answer the same retries.
    const raced = created.length < retries.length ? await tasksOfBatch(store.tasks, batchId) : [];
    const madeHere = new Set(created.map((t) => t.id));
    const others = raced.filter((t) => t.retryOf && !madeHere.has(t.id) && waiting.some((w) => w.id === t.retryOf));
    return { batchId, created, earlier: [...earlier, ...others] };
  } catch (error) {
    if (error instanceof InsufficientCreditsError) {
      throw new HttpError(
        402,
        'insufficient_credits',
        `Not enough credits to retry: the ${waiting.length} failed videos cost ${error.needed} and ${Math.max(0, error.available)} are available. Nothing was retried.`,
        { needed: error.needed, available: error.available },
      );
    }
    throw error;
  }
}

function priceNow(task: TaskRecord): number {
  const priced = quote(DEFAULT_CATALOGUE, { model: task.model, duration: task.duration, resolution: task.resolution });
  return priced.ok ? priced.credits : task.priceCredits;
}
