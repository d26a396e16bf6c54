/**
 * The gallery's unfinished tasks as one string, "id=status id=status", so a poll that changed
 * nothing compares equal and renders nothing; and which tasks went from waiting to running.
 */
export function activeStatusKey(tasks: readonly { task_id: string; status: string }[]): string {
  return tasks
    .filter((task) => task.status === 'queued' || task.status === 'running')
    .map((task) => `${task.task_id}=${task.status}`)
    .join(' ');
}

function parse(key: string): Map<string, string> {
  return new Map(
    key
      .split(' ')
      .filter(Boolean)
      .map((entry) => entry.split('=') as [string, string]),
  );
}

/** Ids that were queued in `before` and are running in `now`. */
export function startedTaskIds(before: string, now: string): string[] {
  const was = parse(before);
  return [...parse(now)].filter(([id, status]) => status === 'running' && was.get(id) === 'queued').map(([id]) => id);
}
