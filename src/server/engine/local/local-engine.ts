/**
 * The local preview engine: the same contract as the real upstream, no network for our own
 * uploads, a realistic wait (LOCAL_ENGINE_DELAY_MS), a real MP4 of the image, and failures on
 * demand (LOCAL_ENGINE_FAILURE_RATE). Its state is rebuilt from the task after a restart:
 * start time and failure are fixed by the task itself, the camera move by its prompt.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Engine, EngineState, EngineTask } from '../engine';
import { checkImage } from '@/server/images/check-image';
import { describeFault } from '@/server/faults/describe-fault';
import { readImage, type ImageSources } from '@/server/images/read-image';
import { asStorageFullWhenLow } from '@/server/media/free-space';
import { modeOfModel } from '@/shared/pricing';
import { outputSize } from './output-size';
import { renderClip, type RenderReport } from './render-clip';
import { ensureRenderRoom } from './render-room';
import { simulatedFailure, type SimulatedFailure } from './simulated-failures';
import { WorkQueue } from './work-queue';

export interface LocalEngineOptions {
  /** This process's own scratch folder (data-dir/scratch-dir.ts): no other process writes or sweeps it. */
  workDir: string;
  delayMs: number;
  failureRate: number;
  images: ImageSources;
  /** Encodes at once; two keep a 2-core machine responsive. */
  concurrency?: number;
  /** The process's one queue of encodes, shared with montage renders (issue 21); else one of its own. */
  queue?: WorkQueue;
}

interface LocalJob {
  taskId: string;
  upstreamTaskId: string;
  startedAt: number;
  failure: SimulatedFailure | null;
  render: RenderReport | null;
  /** Why the render failed: plain words for the person, the detail for support (in `raw`). */
  renderError: { code: string; message: string; detail: string } | null;
  abort: AbortController;
  /** Settles when the render (or its failure) is done, files cleaned up included. */
  rendering: Promise<void>;
  /** The render (or its failure) is over: nothing writes the job's files any more. */
  settled: boolean;
  lastAskedAt: number;
  lastProgress: number;
}

const URL_SCHEME = 'local-engine:';
/*
 * Servers sharing a database hand each poll to whichever claims the task, so this one may render
 * a task that another ends (and releases there): a finished job nobody here has asked about for
 * this long is dropped with its files, so neither memory nor scratch files pile up.
 */
const IDLE_JOB_MS = 30_000;
const IDLE_SWEEP_MS = 5000;
const RESULT_FILE = /^local-engine:(tsk_[0-9a-z]{26}\.(?:mp4|jpg))$/;

export class LocalEngine implements Engine {
  readonly name = 'local' as const;
  readonly simulated = true;
  /* A job is found again by its task id, so a resent submit never makes a second one. */
  readonly submitsAreIdempotent = true;
  /* Its results are files of its own: there is never a "done" without one to wait for. */
  readonly resultGraceMs = 0;
  readonly typicalDurationMs: number;
  private readonly jobs = new Map<string, LocalJob>();
  private readonly queue: WorkQueue;
  private readonly idleSweep: NodeJS.Timeout;

  constructor(private readonly options: LocalEngineOptions) {
    // Work files never outlive a process: after a restart every unfinished task renders again.
    fs.mkdirSync(options.workDir, { recursive: true });
    this.queue = options.queue ?? new WorkQueue(options.concurrency ?? 2);
    this.typicalDurationMs = Math.max(options.delayMs, 1000);
    this.idleSweep = setInterval(() => this.dropIdle(Date.now()), IDLE_SWEEP_MS);
    this.idleSweep.unref();
  }

  renderQueue(): { running: number; waiting: number } {
    return this.queue.depth;
  }

  async submit(task: EngineTask): Promise<EngineState> {
    // Submitting the same task twice (a retry after a crash) finds the same job.
    const job = this.jobs.get(task.id) ?? this.start(task, Date.now());
    job.lastAskedAt = Date.now();
    return this.stateOf(job);
  }

  async poll(task: EngineTask & { upstreamTaskId: string }): Promise<EngineState> {
    const job = this.jobs.get(task.id) ?? this.start(task, task.submittedAt ?? Date.now());
    job.lastAskedAt = Date.now();
    return this.stateOf(job);
  }

  async download(url: string, filePath: string): Promise<{ bytes: number; contentType: string | null }> {
    const match = RESULT_FILE.exec(url);
    if (!match) throw new Error(`Not a local engine result: ${url}`);
    await fs.promises.copyFile(path.join(this.options.workDir, match[1]!), filePath);
    const { size } = await fs.promises.stat(filePath);
    return { bytes: size, contentType: url.endsWith('.mp4') ? 'video/mp4' : 'image/jpeg' };
  }

  pollDelayMs(): number {
    // Polling an in-process job is free; a tenth of the delay keeps progress lively without busy-looping.
    return Math.min(1000, Math.max(50, Math.round(this.options.delayMs / 10)));
  }

  release(task: EngineTask): void {
    this.drop(task.id);
  }

  private drop(taskId: string): void {
    this.jobs.get(taskId)?.abort.abort();
    this.jobs.delete(taskId);
    void removeQuietly(this.files(taskId));
  }

  private dropIdle(now: number): void {
    for (const job of this.jobs.values()) {
      if (job.settled && now - job.lastAskedAt > IDLE_JOB_MS) this.drop(job.taskId);
    }
  }

  /** Stops every render and waits until their processes and files are gone. */
  async close(): Promise<void> {
    clearInterval(this.idleSweep);
    const jobs = [...this.jobs.values()];
    this.jobs.clear();
    for (const job of jobs) job.abort.abort();
    await Promise.allSettled(jobs.map((job) => job.rendering));
  }

  private files(taskId: string): [video: string, poster: string] {
    return [path.join(this.options.workDir, `${taskId}.mp4`), path.join(this.options.workDir, `${taskId}.jpg`)];
  }

  private start(task: EngineTask, startedAt: number): LocalJob {
    const job: LocalJob = {
      taskId: task.id,
      upstreamTaskId: `lpe_${task.id.slice('tsk_'.length)}`,
      startedAt,
      failure: simulatedFailure(task.id, this.options.failureRate),
      render: null,
      renderError: null,
      abort: new AbortController(),
      rendering: Promise.resolve(),
      settled: true,
      lastAskedAt: Date.now(),
      lastProgress: 0,
    };
    this.jobs.set(task.id, job);
    // A failing task never costs an encode: the real one would also fail before producing anything.
    if (!job.failure) {
      job.settled = false;
      job.rendering = this.renderJob(job, task).finally(() => (job.settled = true));
    }
    return job;
  }

  private async renderJob(job: LocalJob, task: EngineTask): Promise<void> {
    const [videoPath, posterPath] = this.files(task.id);
    try {
      const { bytes } = await readImage(task.image, this.options.images);
      const facts = await checkImage(bytes);
      const size = outputSize(facts.width, facts.height, task.resolution);
      job.render = await this.queue.run(async () => {
        // Checked when its turn comes: the disk may have filled while it waited.
        await ensureRenderRoom(this.options.workDir, size, task.duration);
        return renderClip({
          image: bytes,
          imageWidth: facts.width,
          imageHeight: facts.height,
          duration: task.duration,
          resolution: task.resolution,
          mode: modeOfModel(task.model) ?? 'standard',
          prompt: task.prompt,
          videoPath,
          posterPath,
          signal: job.abort.signal,
        });
      }, job.abort.signal);
    } catch (error) {
      // What a failed render placed is no use, and on a full disk its space is wanted back now.
      await removeQuietly([videoPath, posterPath]);
      if (job.abort.signal.aborted) return;
      // Fails at once, a full disk included: a preview costs nothing to run again once space is back.
      const words = { doing: 'making the preview video', code: 'engine_failed' };
      const { code, message, detail } = describeFault(await asStorageFullWhenLow(error, this.options.workDir), words);
      job.renderError = { code, message, detail };
    }
  }

  private stateOf(job: LocalJob): EngineState {
    const elapsed = Date.now() - job.startedAt;
    const delay = this.options.delayMs;
    const queuedFor = Math.min(delay * 0.15, 2000);
    const base = { upstreamTaskId: job.upstreamTaskId, videoUrl: null, posterUrl: null, error: null, httpStatus: 200 };
    if (job.failure && elapsed >= delay * 0.6) {
      const error = { code: job.failure.code, message: job.failure.message };
      return {
        ...base,
        status: 'failed',
        progress: job.lastProgress,
        error,
        raw: this.raw(job, job.failure.upstreamStatus),
      };
    }
    if (job.renderError) {
      const { code, message, detail } = job.renderError;
      return {
        ...base,
        status: 'failed',
        progress: job.lastProgress,
        error: { code, message },
        raw: this.raw(job, 'Fail', { error_detail: detail }),
      };
    }
    if (elapsed < queuedFor) return { ...base, status: 'queued', progress: 0, raw: this.raw(job, 'Queueing') };
    if (elapsed >= delay && job.render) {
      return {
        ...base,
        status: 'succeeded',
        progress: 100,
        videoUrl: `${URL_SCHEME}${job.taskId}.mp4`,
        posterUrl: `${URL_SCHEME}${job.taskId}.jpg`,
        raw: this.raw(job, 'Success'),
      };
    }
    const share = delay > queuedFor ? (elapsed - queuedFor) / (delay - queuedFor) : 1;
    job.lastProgress = Math.max(job.lastProgress, Math.min(99, Math.max(1, Math.round(share * 100))));
    return { ...base, status: 'running', progress: job.lastProgress, raw: this.raw(job, 'Processing') };
  }

  /* What support sees as the "upstream answer" of a simulated task. */
  private raw(job: LocalJob, status: string, extra: Record<string, unknown> = {}): unknown {
    return {
      engine: 'local preview (simulated)',
      task_id: job.upstreamTaskId,
      status,
      progress: job.lastProgress,
      ...(job.render && {
        width: job.render.width,
        height: job.render.height,
        motion: job.render.motion,
        encode_ms: job.render.encodeMs,
      }),
      ...extra,
    };
  }
}

/* Cleanup never fails the task it cleans up after (a folder gone or turned into a file: ENOTDIR). */
async function removeQuietly(files: readonly string[]): Promise<void> {
  await Promise.all(files.map((file) => fs.promises.rm(file, { force: true }).catch(() => undefined)));
}
