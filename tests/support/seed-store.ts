/**
 * Many past tasks written straight into a DATA_DIR's store (its SQLite file, or its PostgreSQL
 * schema with TEST_DATABASE=postgres) through the store module, as years of use
 * would leave them: mostly finished videos, some failures, prompts worth searching. Only final
 * statuses, so a server started on the directory has nothing to render.
 */
import { priceOf, MODEL_IDS, type Duration, type Mode, type Resolution } from '@/shared/pricing';
import { readConfig } from '@/server/config/config';
import { openStore } from '@/server/store/open-store';
import type { NewTask } from '@/server/store/tasks-store';
import { newTask } from './new-task';
import { testDatabaseEnv } from './test-database';

const SUBJECTS = ['sneaker', 'perfume bottle', 'watch', 'coffee cup', 'headphones', 'lamp', 'backpack', 'candle'];
const MOVES = ['slow push in', 'pan left', 'orbit', 'static shot', 'pull out', 'tilt up'];
const SCENES = ['on marble', 'at sunset', 'in the rain', 'on a studio sweep', 'by the sea', 'in neon light'];

export interface SeedOptions {
  count: number;
  /** The oldest task's creation time; one task a minute after it. */
  startMs?: number;
  /** The image every task was made from (an upload link, or any URL). */
  image?: string;
  /** Result files as stored under the media root (they need not exist for list timing). */
  result?: { videoPath: string; posterPath: string; width: number; height: number; durationS: number };
}

const DEFAULT_RESULT = {
  videoPath: 'videos/seed.mp4',
  posterPath: 'posters/seed.jpg',
  width: 1228,
  height: 768,
  durationS: 6,
};

/** Writes `count` tasks (every 10th failed, every 50th canceled, the rest succeeded) and answers their ids, oldest first. */
export async function seedTasks(dataDir: string, options: SeedOptions): Promise<string[]> {
  const store = await openStore(readConfig({ DATA_DIR: dataDir, ...(await testDatabaseEnv(dataDir)) }));
  const startMs = options.startMs ?? Date.now() - options.count * 60_000;
  const ids: string[] = [];
  try {
    const chunk = 500;
    for (let from = 0; from < options.count; from += chunk) {
      const tasks: NewTask[] = [];
      for (let i = from; i < Math.min(options.count, from + chunk); i++)
        tasks.push(seedTask(i, startMs, options.image));
      await store.tasks.createMany(tasks, { checkCredits: false });
      for (const [offset, task] of tasks.entries()) {
        const i = from + offset;
        const at = task.createdAt + 45_000;
        const status = i % 50 === 49 ? 'canceled' : i % 10 === 9 ? 'failed' : 'succeeded';
        const event = { at, status, progress: null, source: 'tracker', message: null } as const;
        if (status === 'succeeded') {
          await store.tasks.finish(task.id, { status, result: options.result ?? DEFAULT_RESULT }, event, at);
        } else {
          const error = { code: 'engine_failed', message: 'The engine could not render this one.' };
          await store.tasks.finish(task.id, { status, error }, event, at);
        }
        ids.push(task.id);
      }
    }
  } finally {
    await store.close();
  }
  return ids;
}

function seedTask(i: number, startMs: number, image = 'https://example.com/product.jpg'): NewTask {
  const mode: Mode = i % 4 === 0 ? 'pro' : 'standard';
  const duration: Duration = i % 3 === 0 ? '10' : '6';
  const resolution: Resolution = duration === '6' && i % 5 === 0 ? '1080P' : '768P';
  const quote = priceOf(MODEL_IDS[mode], duration, resolution);
  const createdAt = startMs + i * 60_000;
  return newTask({
    model: MODEL_IDS[mode],
    modelId: MODEL_IDS[mode],
    mode,
    prompt: `${MOVES[i % MOVES.length]} on the ${SUBJECTS[i % SUBJECTS.length]} ${SCENES[i % SCENES.length]}, take ${i}`,
    image,
    duration,
    resolution,
    priceCredits: quote.ok ? quote.credits : 0,
    createdAt,
  });
}
