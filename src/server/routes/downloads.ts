/**
 * `GET /api/v1/downloads.zip?batch_id=…` or `?ids=a,b,c`: the finished MP4s as one ZIP, with
 * readable names (the same as a single download) and a manifest (CSV and JSON) of every task
 * asked for — those not finished are listed with their status. Nothing finished: 409, no ZIP.
 */
import { Hono } from 'hono';
import { downloadQuerySchema } from '@/shared/batch-contract';
import { downloadFileName, promptSlug } from '@/shared/download-name';
import { isFinalStatus, STATUS_LABELS, type TaskStatus } from '@/shared/status';
import { buildManifest, manifestCsv, manifestEntry } from '@/server/downloads/manifest';
import { zipStream, type ZipEntry } from '@/server/downloads/zip-stream';
import { validate } from '@/server/http/validate';
import { parseMediaPath, type MediaFile } from '@/server/media/media-storage';
import { HttpError } from '@/server/http/http-error';
import type { Services } from '@/server/services';
import type { TaskRecord } from '@/server/store/tasks-store';
import { tasksOfBatch } from '@/server/tasks/tasks-of-batch';

interface Packed {
  task: TaskRecord;
  /** The name in the ZIP and the stored file (folder or bucket), when the video is in it. */
  video: { name: string; file: MediaFile } | null;
  error: string | null;
}

const utf8 = (text: string) => [new TextEncoder().encode(text)];

export function downloadRoutes({ store, media, log }: Services) {
  async function tasksOfBatchOrRefuse(batchId: string): Promise<TaskRecord[]> {
    const tasks = await tasksOfBatch(store.tasks, batchId);
    if (!tasks.length) throw new HttpError(404, 'not_found', `No batch with id "${batchId.slice(0, 100)}".`);
    return tasks;
  }

  /* In the order asked for; every id must exist, so a typo is said rather than quietly left out. */
  async function tasksByIds(ids: readonly string[]): Promise<TaskRecord[]> {
    const unique = [...new Set(ids)];
    const found = new Map((await store.tasks.list({ ids: unique, limit: unique.length })).map((t) => [t.id, t]));
    const missing = unique.filter((id) => !found.has(id));
    if (missing.length) {
      const shown = missing.slice(0, 5).map((id) => `"${id.slice(0, 100)}"`);
      throw new HttpError(404, 'not_found', `No task with id ${shown.join(', ')}${missing.length > 5 ? ', …' : ''}.`, {
        missing,
      });
    }
    return unique.map((id) => found.get(id)!);
  }

  async function pack(task: TaskRecord): Promise<Packed> {
    if (task.status !== 'succeeded' || !task.result) return { task, video: null, error: task.error?.message ?? null };
    const file = parseMediaPath(task.result.videoPath);
    const stat = file ? await media.stat(file) : null;
    if (!file || !stat) return { task, video: null, error: 'The video file is missing on the server.' };
    return {
      task,
      video: { name: downloadFileName({ ...task, task_id: task.id, image_name: task.imageName }), file },
      error: null,
    };
  }

  return new Hono().get('/', validate('query', downloadQuerySchema), async (c) => {
    const query = c.req.valid('query');
    const batchId = query.batch_id ?? null;
    const tasks = batchId ? await tasksOfBatchOrRefuse(batchId) : await tasksByIds(query.ids ?? []);
    const packed = await Promise.all(tasks.map(pack));
    const videos = packed.filter((p) => p.video);
    if (!videos.length) throw new HttpError(409, 'not_ready', nothingReadyMessage(tasks));

    const now = Date.now();
    const entries = packed.map((p) => manifestEntry(p.task, p.video?.name ?? null, p.error));
    const manifest = buildManifest(entries, batchId, now);
    const files: ZipEntry[] = [
      { name: 'manifest.csv', mtime: new Date(now), compress: true, chunks: () => utf8(manifestCsv(entries)) },
      {
        name: 'manifest.json',
        mtime: new Date(now),
        compress: true,
        chunks: () => utf8(`${JSON.stringify(manifest, null, 2)}\n`),
      },
      ...videos.map(({ task, video }) => ({
        name: video!.name,
        mtime: new Date(task.finishedAt ?? task.createdAt),
        compress: false,
        // Read from the folder or the bucket as the ZIP is sent, one video at a time.
        chunks: () => readLazily(() => media.read(video!.file)),
      })),
    ];
    const body = zipStream(files);
    log.info('zip download', { batch_id: batchId, tasks: tasks.length, videos: videos.length });
    return c.body(body, 200, {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${zipName(batchId, tasks, now)}"`,
      // Which videos are in it changes as tasks finish: never serve an old copy.
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
  });
}

async function* readLazily(open: () => Promise<AsyncIterable<Uint8Array>>): AsyncIterable<Uint8Array> {
  yield* await open();
}

function zipName(batchId: string | null, tasks: readonly TaskRecord[], now: number): string {
  if (batchId) return `hailuo-batch-${[promptSlug(tasks[0]!.prompt), batchId].filter(Boolean).join('-')}.zip`;
  return `hailuo-videos-${tasks.length}-${new Date(now).toISOString().slice(0, 10)}.zip`;
}

function nothingReadyMessage(tasks: readonly TaskRecord[]): string {
  const counts = new Map<TaskStatus, number>();
  for (const task of tasks) counts.set(task.status, (counts.get(task.status) ?? 0) + 1);
  const parts = [...counts].map(([status, n]) => `${n} ${STATUS_LABELS[status].toLowerCase()}`);
  const lead = tasks.length === 1 ? 'This video is not' : `None of these ${tasks.length} videos is`;
  const next = tasks.some((task) => !isFinalStatus(task.status))
    ? 'Try again once at least one is ready.'
    : 'Nothing here finished with a video; re-run the failed ones to try again.';
  return `${lead} ready to download (${parts.join(', ')}). ${next}`;
}
