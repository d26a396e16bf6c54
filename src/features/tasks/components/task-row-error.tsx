import type { Task } from '@/shared/contract';

/** Why a task failed, in a list row: its code to sort by eye, the start of the message (all of it on hover). */
export function TaskRowError({ error }: { error: NonNullable<Task['error']> }) {
  return (
    <p className="line-clamp-2 text-xs break-words text-red-800 dark:text-red-300" title={error.message}>
      <code className="font-mono font-medium">{error.code}</code> {error.message}
    </p>
  );
}
