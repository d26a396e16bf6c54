/**
 * The local preview engine: the same contract as the real upstream, no network for our own
 * uploads, a realistic wait (LOCAL_ENGINE_DELAY_MS), a real MP4 of the image, and failures on
 * demand (LOCAL_ENGINE_FAILURE_RATE). Its state is rebuilt from the task after a restart:
 * start time, camera move and failure are all fixed by the task itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Engine, EngineState, EngineTask } from '../engine';
import { checkImage } from '@/server/images/check-image';
import { ImageRefusal } from '@/server/images/image-refusal';
import { readImage, type ImageSources } from '@/server/images/read-image';
import { renderClip, type RenderReport } from './render-clip';
import { simulatedFailure, type SimulatedFailure } from './simulated-failures';
import { stableFraction } from './stable-fraction';
import { WorkQueue } from './work-queue';

export interface LocalEngineOptions {
  workDir: string;
  delayMs: number;
  failureRate: number;
  images: ImageSources;
  /** Encodes at once; two keep a 2-core machine responsive. */
  concurrency?: number;
}

interface LocalJob {
  taskId: string;
  upstreamTaskId: string;
  startedAt: number;
  failure: SimulatedFailure | null;
  render: RenderReport | null;
  renderError: { code: string; message: string } | null;
  abort: AbortController;
  /** Settles when the render (or its failure) is done, files cleaned up included. */
  rendering: Promise<void>;
  lastProgress: number;
}

const URL_SCHEME = 'local-engine:';
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

  constructor(private readonly options: LocalEngineOptions) {
    // Work files never outlive a process: after a restart every unfinished task renders again.
    fs.rmSync(options.workDir, { recursive: true, force: true });
    fs.mkdirSync(options.workDir, { recursive: true });
    this.queue = new WorkQueue(options.concurrency ?? 2);
    this.typicalDurationMs = Math.max(options.delayMs, 1000);
  }

  async submit(task: EngineTask): Promise<EngineState> {
    // Submitting the same task twice (a retry after a crash) finds the same job.
    const job = this.jobs.get(task.id) ?? this.start(task, Date.now());
    return this.stateOf(job);
  }

  async poll(task: EngineTask & { upstreamTaskId: string }): Promise<EngineState> {
    const job = this.jobs.get(task.id) ?? this.start(task, task.submittedAt ?? Date.now());
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
    this.jobs.get(task.id)?.abort.abort();
    this.jobs.delete(task.id);
    for (const file of this.files(task.id)) fs.rmSync(file, { force: true });
  }

  /** Stops every render and waits until their processes and files are gone. */
  async close(): Promise<void> {
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
      lastProgress: 0,
    };
    this.jobs.set(task.id, job);
    // A failing task never costs an encode: the real one would also fail before producing anything.
    if (!job.failure) job.rendering = this.renderJob(job, task);
    return job;
  }

  private async renderJob(job: LocalJob, task: EngineTask): Promise<void> {
    const [videoPath, posterPath] = this.files(task.id);
    try {
      const { bytes } = await readImage(task.image, this.options.images);
      const facts = await checkImage(bytes);
      job.render = await this.queue.run(
        () =>
          renderClip({
            image: bytes,
            imageWidth: facts.width,
            imageHeight: facts.height,
            duration: task.duration,
            resolution: task.resolution,
            seed: Math.floor(stableFraction(task.id, 'motion') * 1000),
            videoPath,
            posterPath,
            signal: job.abort.signal,
          }),
        job.abort.signal,
      );
    } catch (error) {
      if (job.abort.signal.aborted) return;
      job.renderError =
        error instanceof ImageRefusal
          ? { code: error.code, message: error.message }
          : {
              code: 'engine_failed',
              message: `The preview engine could not render the video: ${(error as Error).message}`,
            };
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
      return {
        ...base,
        status: 'failed',
        progress: job.lastProgress,
        error: job.renderError,
        raw: this.raw(job, 'Fail'),
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
  private raw(job: LocalJob, status: string): unknown {
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
    };
  }
}
