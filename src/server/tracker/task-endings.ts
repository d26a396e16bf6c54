/**
 * How a task ends: archived and charged on success, failed with a reason otherwise. Each
 * ending is one store transaction (status, charge, event, callback outbox), written once.
 */
import type { EngineState } from '@/server/engine/engine';
import type { NewTaskEvent } from '@/server/store/history-store';
import type { TaskOutcome, TaskRecord } from '@/server/store/tasks-store';
import { archiveResult } from './archive-result';
import { deadlineMessage } from './deadline-message';
import { failureBackoffMs } from './backoff';
import { resultUnreadableMessage } from './attention-messages';
import { engineAsSubject } from './engine-words';
import { describeFault, faultDetail } from '@/server/faults/describe-fault';
import { engineTask, taskEvent, type TrackingContext } from './tracking-context';

const STORAGE_WAIT_MESSAGE =
  'The server is out of storage space. The finished video is kept upstream and is saved here as soon as space is freed.';
/* Failed copies of a finished video in a row before the task is given up. */
const MAX_ARCHIVE_FAILURES = 5;

export class TaskEndings {
  constructor(private readonly context: TrackingContext) {}

  async end(task: TaskRecord, outcome: TaskOutcome, event: NewTaskEvent): Promise<void> {
    const { store, engine, onTaskEnded } = this.context;
    const ended = await store.tasks.finish(task.id, outcome, event, event.at);
    engine.release(engineTask(task));
    if (ended) onTaskEnded?.(task.id);
  }

  fail(task: TaskRecord, code: string, message: string, source: NewTaskEvent['source']): Promise<void> {
    return this.end(
      task,
      { status: 'failed', error: { code, message } },
      taskEvent('failed', task.progress, source, message),
    );
  }

  async expire(task: TaskRecord): Promise<void> {
    const exchanges = await this.context.store.history.exchanges(task.id);
    return this.fail(task, 'deadline_exceeded', deadlineMessage(this.context.deadlineMs, exchanges), 'tracker');
  }

  /** Copies the result into our storage, then ends the task succeeded and charged; a failed copy is retried. */
  async complete(task: TaskRecord, state: EngineState, signal: AbortSignal): Promise<void> {
    const { engine, media, store, exchanges } = this.context;
    if (!state.videoUrl) {
      const detail = `${engineAsSubject(engine)} said the video is ready but gave no link to it`;
      return this.fail(task, 'result_unreadable', resultUnreadableMessage(engine, detail, 0), 'engine');
    }
    try {
      const archive = () =>
        archiveResult(task.id, { videoUrl: state.videoUrl!, posterUrl: state.posterUrl }, engine, media, signal, {
          onStorageWait: (error) => this.recordStorageWait(task, state, error),
        });
      const report = await (this.context.downloads ? this.context.downloads.run(archive) : archive());
      await exchanges.record(task.id, 'download', {
        body: {
          video_url: state.videoUrl,
          bytes: report.videoBytes,
          codec: report.codec,
          ...report.result,
          poster: report.posterSource,
          poster_error: report.posterError,
          storage_waits: report.storageWaits,
        },
      });
      const { width, height, durationS } = report.result;
      const credits = `${task.priceCredits}${engine.simulated ? ' simulated' : ''} credits charged`;
      const message = `Video saved: ${width}×${height}, ${durationS} s; ${credits}.`;
      await this.end(
        task,
        { status: 'succeeded', result: report.result },
        taskEvent('succeeded', 100, 'tracker', message),
      );
    } catch (error) {
      if (this.context.stopping.aborted) throw error;
      const failures = task.failures + 1;
      const fault = describeFault(error, {
        doing: 'saving the finished video',
        code: 'upstream_error',
        lead: 'The finished video could not be saved',
      });
      await exchanges.record(task.id, 'download', {
        error: fault.message,
        body: { video_url: state.videoUrl, detail: fault.detail },
      });
      if (failures >= MAX_ARCHIVE_FAILURES) return this.fail(task, fault.code, fault.message, 'tracker');
      await store.tasks.update(task.id, { failures, nextPollAt: Date.now() + failureBackoffMs(failures, null) });
    }
  }

  /* What support reads while a paid video waits for the disk to have room for it. */
  private async recordStorageWait(task: TaskRecord, state: EngineState, error: unknown): Promise<void> {
    await this.context.exchanges.record(task.id, 'download', {
      error: STORAGE_WAIT_MESSAGE,
      body: { video_url: state.videoUrl, detail: faultDetail(error) },
    });
  }
}
