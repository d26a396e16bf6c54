/** The outbox of calls to users' `callback_url`, written by `TasksStore.finish`. */
export interface CallbackRecord {
  taskId: string;
  url: string;
  attempts: number;
}

export interface CallbacksStore {
  /**
   * Claims up to `limit` due callbacks, soonest first, holding each until `until` — so no other
   * pass or server sends it meanwhile, and after a crash mid-send it goes out again then.
   */
  claimDue(now: number, limit: number, until: number): Promise<CallbackRecord[]>;
  nextDueAt(): Promise<number | null>;
  delivered(taskId: string, at: number): Promise<void>;
  /** Records a failed attempt; `nextAt` null means give up. */
  failed(taskId: string, attempts: number, nextAt: number | null, error: string, at: number): Promise<void>;
}
