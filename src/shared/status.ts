/** The one status vocabulary of the product, and the only place upstream words are read. */
export const TASK_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'canceled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const FINAL_STATUSES: readonly TaskStatus[] = ['succeeded', 'failed', 'canceled'];

export function isFinalStatus(status: TaskStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

export const STATUS_LABELS: Record<TaskStatus, string> = {
  queued: 'Queued',
  running: 'Generating',
  succeeded: 'Ready',
  failed: 'Failed',
  canceled: 'Canceled',
};

/*
 * Upstream providers spell the same state many ways (API in One's own words, MiniMax's
 * `Queueing`/`Preparing`/`Success`/`Fail`, generic `completed`/`error`). Words are compared
 * case-insensitively with separators removed, so `in_progress`, `In Progress` and
 * `IN-PROGRESS` are one word. Kling says `succeed`, Replicate `starting`, kie.ai `waiting`,
 * `queuing`, `generating` (and `wait` on its older Runway API).
 */
const UPSTREAM_WORDS: Record<TaskStatus, readonly string[]> = {
  queued: [
    'pending',
    'queued',
    'queueing',
    'queuing',
    'queue',
    'inqueue',
    'preparing',
    'submitted',
    'created',
    'waiting',
    'wait',
    'scheduled',
    'accepted',
    'notstart',
    'new',
  ],
  running: [
    'processing',
    'running',
    'starting',
    'inprogress',
    'generating',
    'started',
    'progress',
    'working',
    'rendering',
  ],
  succeeded: [
    'succeeded',
    'succeed',
    'success',
    'successful',
    'completed',
    'complete',
    'done',
    'finished',
    'finish',
    'ok',
  ],
  failed: ['failed', 'fail', 'failure', 'error', 'errored', 'rejected', 'expired', 'timeout', 'timedout'],
  canceled: ['canceled', 'cancelled', 'cancel', 'aborted', 'revoked'],
};

const WORD_TO_STATUS = new Map<string, TaskStatus>(
  TASK_STATUSES.flatMap((status) => UPSTREAM_WORDS[status].map((word) => [word, status] as const)),
);

function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/[\s_\-.]/g, '');
}

/** Maps an upstream status word to ours; `null` when the word is not understood. */
export function mapUpstreamStatus(word: unknown): TaskStatus | null {
  if (typeof word !== 'string') return null;
  return WORD_TO_STATUS.get(normalizeWord(word)) ?? null;
}
