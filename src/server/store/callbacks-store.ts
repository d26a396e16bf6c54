/** The outbox of calls to users' `callback_url`, written by `TasksStore.finish`. */
export interface CallbackRecord {
  taskId: string;
  url: string;
  attempts: number;
}

export interface CallbacksStore {
  due(now: number, limit: number): Promise<CallbackRecord[]>;
  nextDueAt(): Promise<number | null>;
  /** Holds a callback being sent: not due again until `until` (so, after a crash mid-send, it goes out again then). */
  lease(taskId: string, until: number): Promise<void>;
  delivered(taskId: string, at: number): Promise<void>;
  /** Records a failed attempt; `nextAt` null means give up. */
  failed(taskId: string, attempts: number, nextAt: number | null, error: string, at: number): Promise<void>;
}
