import type { Task, TaskAttention as Attention } from '@/shared/contract';

export interface TaskAttentionProps {
  error: NonNullable<Task['error']>;
  attention: Attention;
}

/*
 * In place of "This task failed": the engine may have made, and billed, this video. What
 * happened (the error), where to look (the attention note), and never "nothing was charged"
 * for the engine's side.
 */
export function TaskAttention({ error, attention }: TaskAttentionProps) {
  return (
    <div
      className="rounded-2xl border border-amber-400 bg-amber-50 p-4 text-amber-950 dark:border-amber-600 dark:bg-amber-950/50 dark:text-amber-50"
      data-testid="task-attention"
    >
      <h2 className="text-base font-semibold">Needs attention: the engine may have billed this video</h2>
      <p className="mt-1" data-testid="task-error-message">
        {error.message}
      </p>
      <p className="mt-2 text-sm font-medium" data-testid="task-attention-message">
        {attention.message}
      </p>
      <p className="mt-2 text-sm">
        Error code:{' '}
        <code
          className="rounded bg-amber-100 px-1.5 py-0.5 font-mono dark:bg-amber-900/60"
          data-testid="task-error-code"
        >
          {error.code}
        </code>
      </p>
    </div>
  );
}
